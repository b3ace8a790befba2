// The season scenario of `npm run season` (e2e/season), at reduced size, against services booted
// in this process, each on its own database, with the production topics and consumer groups (as
// the journey test: not beside `npm start` on the same broker). The jury's clock starts in January
// so that its sessions sit (JURY-1) and its decisions are taken (JURY-2). Timings are not asserted:
// they are the season run's report's business.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, MongoDatabase } from '@admissions/platform';
import { QueryAudit, startService, testEnv, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { JuryModule } from '../apps/jury/src/jury.module';
import { NotificationModule } from '../apps/notification/src/notification.module';
import { SmtpSink } from '../apps/notification/test/smtp-sink';
import { ReviewModule } from '../apps/review/src/review.module';
import { seasonConfig } from './season/config';
import type { JuryTime } from './season/jury-time';
import { summarize } from './season/report';
import { runSeason } from './season/scenario';

const SMTP = { user: 'season', password: 'season-secret' };

describe('season at reduced size: 24 candidates over 3 programmes', () => {
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  const sink = new SmtpSink(SMTP);
  const services: ServiceUnderTest[] = [];
  const audit = new QueryAudit();
  const clientOf = (svc: ServiceUnderTest) => svc.app.get(MongoDatabase).client;

  /** The jury's clock is moved past the sitting, never waited for (and never moved back). */
  const juryTime: JuryTime = {
    now: () => juryClock.now(),
    async reach(at) {
      const past = new Date(at.getTime() + 1_000);
      if (juryClock.now() < past) await juryClock.set(past);
      return { reached: true };
    },
  };

  beforeAll(async () => {
    await sink.start();
    // BullMQ queues apart from npm start's (Redis database 0) and the journey test's jury (12).
    // One deployment: the four services talk through the topics of one namespace.
    const deployment = { REDIS_URL: `${testEnv().redisUrl}/13`, DEPLOYMENT_NAMESPACE: uniqueName('season') };
    services.push(
      await startService('candidacy', CandidacyModule, deployment),
      await startService('review', ReviewModule, deployment),
      await startService('jury', JuryModule, deployment, (builder) =>
        builder.overrideProvider(CLOCK).useValue(juryClock),
      ),
      await startService('notification', NotificationModule, {
        ...deployment,
        SMTP_PORT: String(sink.port),
        SMTP_USER: SMTP.user,
        SMTP_PASSWORD: SMTP.password,
        SEND_BACKOFF_MS: '300',
      }),
    );
    for (const svc of services) audit.attach(clientOf(svc));
  });

  afterAll(async () => {
    audit.stop();
    for (const svc of services.reverse()) await svc.close();
    await sink.stop();
  });

  it('every file reaches its lead’s worklist, every decision its candidate’s inbox, and nothing answers 5xx', async () => {
    const [candidacy, review, jury, notification] = services;
    const config = seasonConfig({
      candidates: 24,
      programmes: 3,
      concurrency: 8,
      timeoutMs: 540_000,
      urls: { candidacy: candidacy.url, review: review.url, jury: jury.url, notification: notification.url },
    });

    const report = summarize(
      await runSeason(config, { token: (subject, role) => candidacy.token(role, subject), juryTime }),
    );

    expect(report.stoppedBy).toBeUndefined();
    expect(report.candidates.filter((c) => c.stopped !== undefined)).toEqual([]);
    expect(report.counts.submitted).toBe(24);
    expect(report.propagation.map(({ label, awaited, missing }) => ({ label, awaited, missing }))).toEqual([
      { label: 'submission → lead worklist', awaited: 24, missing: 0 },
      { label: 'opinion → jury books', awaited: 24, missing: 0 },
      { label: 'decision → candidate inbox', awaited: 24, missing: 0 },
    ]);
    // 8 files a programme, 4 places: 4 admitted (each with an offer), then waitlisted and rejected in turn.
    expect(report.jury.status).toBe('decided');
    expect(report.counts.decided).toEqual({ ADMITTED: 12, WAITLISTED: 6, REJECTED: 6 });
    expect(report.counts.offersMade).toBe(12);
    expect(report.http.serverErrors).toBe(0);
    expect(report.http.unanswered).toBe(0);
    expect(report.verdict).toEqual({ ok: true, problems: [] });

    // No query of the whole season scans a collection: each is an equality on _id or on an
    // indexed field, or reads the outbox (a queue of in-flight appends) or the programme catalogue.
    expect(audit.queries.length).toBeGreaterThan(1000);
    const smallByDesign = ['es_outbox', 'rm_programmes'];
    expect(await audit.scans(clientOf(candidacy), smallByDesign)).toEqual([]);
  }, 600_000);
});
