import { eventually, type ServiceUnderTest } from '@admissions/testing';
import { EventStore } from '@admissions/event-store';
import { Queue } from 'bullmq';
import { testEnv } from '@admissions/testing';
import type { FailedNotificationsDto, InboxDto } from './api/inbox.dto';
import { SEND_QUEUE_NAME } from './infrastructure/bull-send-queue';
import { candidacyEvents, person } from '../test/journey-events';
import {
  getJson,
  isolatedSettings,
  namesOf,
  newSink,
  pause,
  post,
  sourcesFor,
  startNotification,
} from '../test/notification-under-test';
import type { SmtpSink } from '../test/smtp-sink';
import type { SourceEvents } from '../test/source-events';

describe('notification service: SMTP failures, staff retry, restart', () => {
  let sink: SmtpSink;
  let svc: ServiceUnderTest;
  let events: SourceEvents;
  const settings = isolatedSettings();

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    svc = await startNotification(sink, settings);
    events = sourcesFor(settings);
  });

  afterAll(async () => {
    await events?.close();
    await svc?.close();
    await sink?.stop();
  });

  const submit = (p: ReturnType<typeof person>) =>
    events.publish('candidacy', `candidacy-${p.candidacyId}`, 'CandidacySubmitted', candidacyEvents.submitted(p));

  const failedList = async () =>
    (
      await getJson<FailedNotificationsDto>(
        svc,
        '/v1/notifications/failed',
        svc.token('admissions-officer', 'officer-1'),
      )
    ).body.items;

  const inboxOf = async (candidateId: string) =>
    (await getJson<InboxDto>(svc, '/v1/inbox', svc.token('candidate', candidateId))).body;

  it('with the SMTP server down for a while, then back, delivers every message once', async () => {
    await sink.stop();
    const people = [person('fr'), person('en'), person('fr')];
    for (const p of people) await submit(p);
    // The messages are owed (inbox) while the server refuses connections.
    await eventually(async () => ((await inboxOf(people[2].candidateId)).items.length === 1 ? true : undefined));
    await pause(1500);
    await sink.start();

    for (const p of people) {
      await eventually(async () => (sink.to(p.email).length === 1 ? true : undefined));
    }
    await pause(1500);
    for (const p of people) expect(sink.to(p.email)).toHaveLength(1);
    expect((await failedList()).filter((f) => people.some((p) => p.candidateId === f.recipientId))).toEqual([]);
  });

  it('marks a notification failed after its last attempt, shows it to staff, and a retry delivers it once', async () => {
    await sink.stop();
    const p = person('en');
    await submit(p);
    const failed = await eventually(async () => (await failedList()).find((f) => f.recipientId === p.candidateId));
    expect(failed).toMatchObject({ kind: 'SUBMISSION_RECEIPT', round: 0, attempts: 5 });
    expect(failed.error).toMatch(/ECONNREFUSED/);

    await sink.start();
    expect(await post(svc, `/v1/notifications/${failed.id}/retry`, svc.token('candidate', p.candidateId))).toBe(403);
    expect(await post(svc, `/v1/notifications/${failed.id}/retry`, svc.token('admissions-officer', 'officer-1'))).toBe(
      202,
    );
    await eventually(async () => (sink.to(p.email).length === 1 ? true : undefined));
    await eventually(async () => ((await failedList()).some((f) => f.id === failed.id) ? undefined : true));
    // The mail server has it; the notification records it right after (its stream is its id).
    const store = svc.app.get(EventStore);
    await eventually(async () =>
      (await store.readStream(failed.id)).events.some((event) => event.type === 'NotificationSent') ? true : undefined,
    );
    // Already sent: a second retry is refused, and nothing more is sent.
    expect(await post(svc, `/v1/notifications/${failed.id}/retry`, svc.token('admin', 'admin-1'))).toBe(422);
    expect(
      await post(svc, `/v1/notifications/notification-unknown-ADMISSIBLE/retry`, svc.token('admin', 'admin-1')),
    ).toBe(404);
    await pause(1000);
    expect(sink.to(p.email)).toHaveLength(1);
    expect(sink.to(p.email)[0].subject).toBe('Application received: MS-DATA');
  });

  it('loses nothing when the service restarts mid-send, even if Redis lost the send jobs', async () => {
    await sink.stop();
    const people = [person('fr'), person('en')];
    for (const p of people) await submit(p);
    await eventually(async () => {
      const counts = await Promise.all(people.map(async (p) => (await inboxOf(p.candidateId)).items.length));
      return counts.every((count) => count === 1) ? true : undefined;
    });
    await svc.close();

    // The worst case: the jobs are gone from Redis too; the backlog in MongoDB brings them back.
    const queue = new Queue(namesOf(settings).queue(SEND_QUEUE_NAME), { connection: { url: testEnv().redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();

    await sink.start();
    svc = await startNotification(sink, { ...settings, MONGO_DB: svc.database });
    for (const p of people) {
      await eventually(async () => (sink.to(p.email).length === 1 ? true : undefined));
    }
    await pause(1500);
    for (const p of people) expect(sink.to(p.email)).toHaveLength(1);
  });
});
