import { ManualClock } from '@admissions/domain-kernel';
import { DeadlineScheduler } from '@admissions/deadlines';
import { Lease } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { type Db, eventTopicOf, MONGO_DB } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { eventually, metricOf, originOf, testEnv } from '@admissions/testing';
import IORedis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { offerExpiryDeadlineId, SYSTEM_ACTOR } from './application/jury-streams';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import {
  call,
  offerOf,
  redisUrlOf,
  replaySeats,
  seedProgramme,
  startJury,
  streamOf,
  type JuryInstance,
} from './jury.int-helpers';
import { seatLedger } from './projections/seat-ledger.projection';

// Two replicas of the jury service, as a Deployment with replicas: 2 runs them: one database,
// one Redis queue, the same consumer groups, requests spread over both.
const REDIS_DB = Number(process.env.JURY_REPLICAS_TEST_REDIS_DB ?? 12);
const clock = new ManualClock(new Date('2026-06-01T09:00:00+02:00'));

const metric = (replica: JuryInstance, name: string, labels: Record<string, string> = {}) =>
  metricOf(replica.svc, name, labels);

describe('jury service with two replicas on the same servers', () => {
  let replicas: JuryInstance[] = [];
  const any = () => replicas[Math.floor(Math.random() * replicas.length)];

  beforeAll(async () => {
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    const first = await startJury(clock, REDIS_DB);
    replicas = [first, await startJury(clock, REDIS_DB, first)];
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.svc.close()));
  });

  it('JURY-5: concurrent enrolments, declines and expiries spread over two replicas never oversell; each deadline fires once; one replica relays and projects', async () => {
    const programme = `MS-REPLICAS-${randomUUID().slice(0, 8)}`;
    const admitted = ['two-a1', 'two-a2', 'two-a3', 'two-a4', 'two-a5'];
    const waitlisted = Array.from({ length: 40 }, (_, i) => `two-w${String(i + 1).padStart(2, '0')}`);
    await seedProgramme(replicas[0].svc, programme, 5, [...admitted, ...waitlisted]);

    const juror = (replica: JuryInstance) => replica.svc.token('jury-member', 'juror-1');
    const scheduled = await call<{ sessionId: string }>(
      replicas[0].svc,
      juror(replicas[0]),
      'POST',
      `/v1/programmes/${programme}/sessions`,
      { at: '2026-06-05T09:00:00+02:00' },
    );
    expect(scheduled.status).toBe(201);
    await clock.set(new Date('2026-06-05T10:00:00+02:00'));
    const decided = await call(
      replicas[1].svc,
      juror(replicas[1]),
      'POST',
      `/v1/programmes/${programme}/sessions/${scheduled.body.sessionId}/decisions/batch`,
      {
        decisions: [
          ...admitted.map((candidateId) => ({ candidateId, decision: 'ADMITTED', reason: 'jury: ADMITTED' })),
          ...waitlisted.map((candidateId) => ({ candidateId, decision: 'WAITLISTED', reason: 'jury: WAITLISTED' })),
        ],
      },
    );
    expect(decided.status).toBe(201);

    const offerCall = (candidate: string, action: 'enrolment' | 'decline') => {
      const replica = any();
      return call(
        replica.svc,
        replica.svc.token('candidate', candidate),
        'POST',
        `/v1/programmes/${programme}/offers/${offerOf(candidate)}/${action}`,
      ).then((answer) => `${action}:${answer.status}`);
    };
    const expireDirectly = (candidate: string) =>
      any()
        .svc.app.get(ProgrammeAdmissionsWriter)
        .run(SYSTEM_ACTOR, programme, { type: 'ExpireOffer', data: { offerId: offerOf(candidate) } })
        .then(
          () => 'expire:ok',
          (error: Error) => `expire:${error.name}`,
        );
    const operations: (() => Promise<string>)[] = [];
    for (const candidate of admitted) {
      operations.push(
        () => expireDirectly(candidate),
        () => offerCall(candidate, 'enrolment'),
      );
    }
    for (const [index, candidate] of waitlisted.entries()) {
      operations.push(() => offerCall(candidate, index % 2 === 0 ? 'decline' : 'enrolment'));
      operations.push(() => offerCall(candidate, 'enrolment'));
    }
    const shuffled = operations
      .map((operation) => ({ operation, order: Math.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ operation }) => operation);

    // Past the admitted offers' window (5 June + 10 days): their expiry jobs fire on either replica.
    const moved = clock.set(new Date('2026-06-16T08:00:00+02:00'));
    await Promise.all(shuffled.map((operation) => operation()));
    await moved;
    await Promise.all(replicas.map((replica) => replica.svc.app.get(DeadlineScheduler).waitForIdle()));

    const events = await streamOf(replicas[0].svc, programme);
    const figures = replaySeats(events);
    expect(figures.maxTaken).toBeLessThanOrEqual(5);
    expect(figures.summary.promotions).toBe(figures.summary.released);
    expect(new Set(figures.offered).size).toBe(figures.offered.length);
    expect(figures.summary.held + figures.summary.enrolled).toBe(5);
    // Each admitted offer ended once: enrolled, or expired by the direct command or by its deadline.
    const ended = events
      .filter((event) => event.type === 'OfferExpired' || event.type === 'CandidateEnrolled')
      .map((event) => (event.data as { candidateId: string }).candidateId)
      .filter((candidate) => admitted.includes(candidate));
    expect(ended.sort()).toEqual([...admitted].sort());
    for (const candidate of admitted) {
      const deadline = await any()
        .svc.app.get(DeadlineScheduler)
        .find(offerExpiryDeadlineId(offerOf(candidate)));
      expect(deadline?.status).toMatch(/^(FIRED|CANCELLED)$/);
    }

    // One lease holder: it alone sequences, relays and folds the read models.
    expect(replicas.filter((replica) => replica.svc.app.get(Lease).held)).toHaveLength(1);
    // Everything appended is logged and acknowledged by Kafka (no backlog on either replica), and
    // the read models have folded the log as far as the relay published it.
    await eventually(async () => {
      const backlogs = await Promise.all(replicas.map((replica) => metric(replica, 'outbox_backlog_events')));
      return backlogs.every((backlog) => backlog === 0) || undefined;
    });
    const db = replicas[0].svc.app.get<Db>(MONGO_DB);
    const checkpoint = (collection: string, reader: string) =>
      db.collection<{ _id: string; position: number }>(collection).findOne({ _id: reader });
    await eventually(async () => {
      const [relayed, folded] = await Promise.all([
        checkpoint('es_relay_checkpoints', eventTopicOf('jury')),
        checkpoint('projection_checkpoints', seatLedger.name),
      ]);
      return relayed && folded && folded.position === relayed.position ? true : undefined;
    });
    const ledger = await any().svc.app.get(ProjectionRunner).collection(seatLedger).findOne({ _id: programme });
    expect(ledger).toMatchObject({
      places: 5,
      offersHeld: figures.summary.held,
      enrolled: figures.summary.enrolled,
      free: 0,
    });
    const published = await Promise.all(replicas.map((replica) => metric(replica, 'outbox_published_events_total')));
    expect(published.filter((count) => count > 0)).toHaveLength(1);
  });

  it('REV-4: the two replicas share the intake consumer group: each admissible candidate joins the agenda once', async () => {
    const programme = `MS-GROUP-${randomUUID().slice(0, 8)}`;
    const candidates = Array.from({ length: 30 }, (_, i) => `${programme}-c${i + 1}`);
    await seedProgramme(replicas[0].svc, programme, 10, []);
    const { names } = replicas[0].svc;
    // On the broker the group is namespaced; the services' metrics label it by its plain name.
    const plainGroup = 'jury.admissions-intake';
    const group = names.kafka(plainGroup);

    // Publish once both replicas are members of the group, each with its share of the partitions.
    const kafka = new Kafka({
      clientId: 'jury-replicas-test',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    const publisher = new KafkaPublisher(kafka);
    try {
      await eventually(async () => {
        const [described] = (await admin.describeGroups([group])).groups;
        return described.state === 'Stable' && described.members.length === 2 ? true : undefined;
      }, 60_000);
      await publisher.publish(
        names.kafka(eventTopicOf('review')),
        candidates.map((candidateId, index) =>
          toCloudEventMessage(
            {
              type: 'CandidateDeclaredAdmissible',
              data: {
                candidacyId: `cy-${candidateId}`,
                candidateId,
                programmeCode: programme,
                submissionRank: index + 1,
                leadOpinion: {
                  opinion: 'FAVOURABLE',
                  motivation: 'Conclusive interview, coherent professional project',
                },
                declaredAt: clock.now().toISOString(),
              },
              metadata: {
                eventId: randomUUID(),
                streamId: `review-${candidateId}`,
                version: 1,
                occurredAt: clock.now().toISOString(),
                correlationId: randomUUID(),
                actor: { id: 'test', roles: ['admin'] },
                schemaVersion: 1,
              },
            },
            originOf('review'),
          ),
        ),
      );
    } finally {
      await publisher.close();
      await admin.disconnect();
    }

    const juror = replicas[1].svc.token('jury-member', 'juror-1');
    const waiting = await eventually(async () => {
      const answer = await call<{ awaitingSession: string[] }>(
        any().svc,
        juror,
        'GET',
        `/v1/programmes/${programme}/sessions`,
      );
      return answer.status === 200 && answer.body.awaitingSession.length === candidates.length
        ? answer.body
        : undefined;
    }, 60_000);
    expect([...waiting.awaitingSession].sort()).toEqual([...candidates].sort());
    const added = (await streamOf(replicas[0].svc, programme))
      .filter((event) => event.type === 'CandidateAwaitingSession')
      .map((event) => (event.data as { candidateId: string }).candidateId);
    expect(added.sort()).toEqual([...candidates].sort());
    const handled = await Promise.all(
      replicas.map((replica) =>
        metric(replica, 'consumer_handled_events_total', { group: plainGroup, type: 'CandidateDeclaredAdmissible' }),
      ),
    );
    // 30 keys over 3 partitions shared 2 + 1: both replicas handled some (all on one: p < 1e-5).
    expect(handled.every((count) => count > 0)).toBe(true);
  });
});
