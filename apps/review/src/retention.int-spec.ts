// Review's retention policy on real data: files reach review from the candidacy topic, the lead
// refuses one equivalence and accepts another, then the dry-run report (ops) and the live run.
import { juriesOverAt, ManualClock, monthsAfter, seasonOf } from '@admissions/domain-kernel';
import { toCloudEventMessage } from '@admissions/messaging';
import {
  CLOCK,
  type Db,
  eventTopicOf,
  MONGO_DB,
  PERSON_KEY_STORE,
  type PersonKeyStore,
  personStreamId,
  RetentionSchedule,
  runOperatorJob,
} from '@admissions/platform';
import { EventStore } from '@admissions/event-store';
import { eventually, originOf, startService, testEnv, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventSourcing } from './event-sourcing';
import { reviewViews, type ReviewView } from './projections/review-view.projection';
import { FOREIGN, programmeCreated, ranked, submitted } from './review.int-helpers';
import { ReviewModule } from './review.module';

describe('retention: files declared not admissible erased after their season’s juries', () => {
  const env = testEnv();
  const clock = new ManualClock();
  const kafka = new Kafka({ clientId: 'review-retention', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const programme = `MS-RET-${uniqueName('p').slice(-6).toUpperCase()}`;
  const leadId = uniqueName('lead');
  const refusedOnly = uniqueName('refused');
  const admissible = uniqueName('admissible');
  const both = uniqueName('both');
  const files = new Map<string, string[]>();
  let svc: ServiceUnderTest;
  let producer: Producer;
  let db: Db;

  const keys = () => svc.app.get<PersonKeyStore>(PERSON_KEY_STORE);

  const ops = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runOperatorJob(eventSourcing, argv, {
      env: {
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        MONGO_URL: env.mongoUrl,
        REDIS_URL: env.redisUrl,
        MONGO_DB: svc.database,
        LOG_LEVEL: 'silent',
      },
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    return { code, out };
  };

  async function submit(candidateId: string): Promise<string> {
    const candidacyId = randomUUID();
    const event = submitted(candidacyId, programme, leadId, FOREIGN);
    for (const stored of [
      { ...event, data: { ...(event.data as object), candidateId } },
      ranked(candidacyId, programme, 1),
    ]) {
      const { key, value, headers } = toCloudEventMessage(stored, originOf('candidacy'));
      await producer.send({
        topic: svc.names.kafka(eventTopicOf('candidacy')),
        acks: -1,
        messages: [{ key, value, headers }],
      });
    }
    files.set(candidateId, [...(files.get(candidateId) ?? []), candidacyId]);
    return candidacyId;
  }

  async function act(candidacyId: string, path: string, body?: unknown): Promise<number> {
    const response = await fetch(`${svc.url}/v1/reviews/${candidacyId}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.token('pedagogical-lead', leadId)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return response.status;
  }

  beforeAll(async () => {
    const namespace = uniqueName('review');
    const admin = kafka.admin();
    await admin.connect();
    const topic = `${namespace}.${eventTopicOf('candidacy')}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    svc = await startService('review', ReviewModule, { DEPLOYMENT_NAMESPACE: namespace }, (builder) =>
      builder.overrideProvider(CLOCK).useValue(clock),
    );
    db = svc.app.get<Db>(MONGO_DB);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await svc?.close();
  });

  it('selects only the person whose every file was declared not admissible; a dry run asks nothing', async () => {
    const { key, value, headers } = toCloudEventMessage(programmeCreated(programme, leadId), originOf('candidacy'));
    await producer.send({
      topic: svc.names.kafka(eventTopicOf('candidacy')),
      acks: -1,
      messages: [{ key, value, headers }],
    });
    // Candidacy sealed their personal data with their keys (erasure destroys them).
    for (const person of [refusedOnly, admissible, both]) await keys().keyFor(person);
    const refusedFile = await submit(refusedOnly);
    const admissibleFile = await submit(admissible);
    const [bothRefused, bothAdmissible] = [await submit(both), await submit(both)];
    const reviews = db.collection<ReviewView>(reviewViews.name);
    await eventually(async () => ((await reviews.countDocuments({ leadId })) === 4 ? true : undefined), 60_000);

    const refuse = { reason: 'The diploma is a three-year programme.' };
    expect(await act(refusedFile, 'equivalence/refuse', refuse)).toBeLessThan(300);
    expect(await act(bothRefused, 'equivalence/refuse', refuse)).toBeLessThan(300);
    for (const file of [admissibleFile, bothAdmissible])
      expect(await act(file, 'equivalence/confirm')).toBeLessThan(300);
    const refused = await eventually(async () => {
      const found = await reviews.find({ leadId, status: 'NOT_ADMISSIBLE' }).toArray();
      return found.length === 2 ? found : undefined;
    });

    const openedAt = refused[0].openedAt ?? '';
    const dueAt = monthsAfter(juriesOverAt(seasonOf(openedAt) ?? 0).toISOString(), 6);
    const before = await ops('retention', '--dry-run', '--as-of', new Date(dueAt.getTime() - 1000).toISOString());
    expect(before.out[0]).toMatch(/: 0 would be erased$/);

    const due = await ops('retention', '--dry-run', '--as-of', dueAt.toISOString());
    expect(due.code).toBe(0);
    expect(due.out.slice(0, 2)).toEqual([
      "ops review retention: not-admissible (6 months after the season's juries are over, 1 August (RETENTION_NOT_ADMITTED_MONTHS)): 1 would be erased",
      `ops review retention: would erase ${refusedOnly}: not-admissible since ${dueAt.toISOString()}`,
    ]);
    expect(await keys().find(refusedOnly)).toBeDefined();
    expect((await svc.app.get(EventStore).readStream(personStreamId(refusedOnly))).version).toBe(0);
  });

  it('live run on the service’s clock: the person erased once (key destroyed, PersonErased), the others kept', async () => {
    await clock.set(new Date('2031-01-01T00:00:00Z'));
    const schedule = svc.app.get(RetentionSchedule);
    const report = await schedule.runOnce();
    expect(report.categories).toEqual([expect.objectContaining({ category: 'not-admissible', due: 1, erased: 1 })]);
    expect((await schedule.runOnce()).categories[0]).toMatchObject({ erased: 0, alreadyErased: 1 });

    expect(await keys().find(refusedOnly)).toBeUndefined();
    for (const kept of [admissible, both]) expect(await keys().find(kept)).toBeDefined();
    const { events } = await svc.app.get(EventStore).readStream(personStreamId(refusedOnly));
    expect(events.map(({ type, data }) => [type, (data as { personId: string }).personId])).toEqual([
      ['PersonErased', refusedOnly],
    ]);
  });
});
