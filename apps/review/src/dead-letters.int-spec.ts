import { EventStore, type StoredEvent } from '@admissions/event-store';
import { toCloudEventMessage, type ReceivedEvent } from '@admissions/messaging';
import { DeploymentNames, eventTopicOf } from '@admissions/platform';
import { eventually, originOf, type ServiceUnderTest, startService, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { CandidacyIntake } from './application/candidacy-intake.process-manager';
import { programmeCreated, ranked, submitted } from './review.int-helpers';
import { ReviewModule } from './review.module';

/** Version N of the intake: a bug refuses every rank, so the ranking is dead-lettered. */
class IntakeRefusingRanks extends CandidacyIntake {
  override async on(event: ReceivedEvent): Promise<void> {
    if (event.type === 'SubmissionRanked') throw new Error('rank out of range (a bug of this version)');
    return super.on(event);
  }
}

type Reply = { status: number; headers: Headers; body: Record<string, unknown> };

/**
 * The review service's dead letters through its admin API, against the real servers: a message
 * the intake cannot handle is parked, listed with its error and original headers, then replayed
 * once the fixed version runs (same database, same deployment), and has its effect exactly once.
 */
describe('dead letters of the review service (/v1/dead-letters)', () => {
  const env = testEnv();
  const namespace = uniqueName('review_dlq');
  const names = new DeploymentNames(namespace);
  const topic = names.kafka(eventTopicOf('candidacy'));
  const kafka = new Kafka({ clientId: 'review-dlq-spec', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const group = 'review.candidacy-intake';
  let producer: Producer;
  let svc: ServiceUnderTest;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    svc = await startService('review', ReviewModule, { DEPLOYMENT_NAMESPACE: namespace }, (builder) =>
      builder.overrideProvider(CandidacyIntake).useClass(IntakeRefusingRanks),
    );
  });

  afterAll(async () => {
    await svc?.close();
    await producer?.disconnect();
  });

  async function publish(...events: StoredEvent[]): Promise<void> {
    for (const event of events) {
      const { key, value, headers } = toCloudEventMessage(event, originOf('candidacy'));
      await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
    }
  }

  async function call(method: string, path: string, role: 'admin' | 'pedagogical-lead' = 'admin'): Promise<Reply> {
    const token = role === 'admin' ? svc.token('admin', 'admin-1') : svc.token(role, 'lead-1');
    const res = await fetch(`${svc.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  }

  /** A metric of this run's group, from the service's Prometheus endpoint. */
  async function metric(name: string, type?: string): Promise<number> {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) => l.startsWith(`${name}{`) && l.includes(`group="${group}"`) && (!type || l.includes(`type="${type}"`)),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  const candidacyId = randomUUID();
  const programme = uniqueName('MS').replace(/_/g, '-').toUpperCase();
  const leadId = uniqueName('lead');
  const rank = ranked(candidacyId, programme, 2);
  let deadLetterId = '';

  it('lists the parked message per group with its error, source and original headers; the metric counts it', async () => {
    await publish(programmeCreated(programme, leadId), submitted(candidacyId, programme, leadId), rank);
    await eventually(async () => ((await metric('consumer_dead_lettered_total')) === 1 ? true : undefined));

    const groups = await call('GET', '/v1/dead-letters');
    expect(groups.status).toBe(200);
    expect(groups.body.groups).toEqual([
      expect.objectContaining({ group, topic: `${group}.dlq`, held: 1, pending: 1, oldestAt: expect.any(String) }),
      expect.objectContaining({ group: 'review.programme-leads', held: 0, pending: 0 }),
      expect.objectContaining({ group: 'review.public-stream', held: 0, pending: 0 }),
      expect.objectContaining({ group: 'review.person-erasure', held: 0, pending: 0 }),
    ]);

    const listed = await call('GET', `/v1/dead-letters/${group}`);
    expect(listed.status).toBe(200);
    const letters = listed.body.deadLetters as Record<string, unknown>[];
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      eventId: rank.metadata.eventId,
      type: 'SubmissionRanked',
      key: `candidacy-${candidacyId}`,
      error: 'rank out of range (a bug of this version)',
      attempts: 5,
      source: { topic, partition: expect.any(Number), offset: expect.any(String) },
      headers: { ce_id: rank.metadata.eventId, ce_type: 'SubmissionRanked', ce_subject: `candidacy-${candidacyId}` },
    });
    expect(Object.keys(letters[0].headers as object).filter((name) => name.startsWith('dlq_'))).toEqual([]);
    expect(letters[0].replayed).toBeUndefined();
    deadLetterId = String(letters[0].id);

    const one = await call('GET', `/v1/dead-letters/${group}/${deadLetterId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(letters[0]);
    expect(await metric('dead_letters_pending')).toBe(1);
  });

  it('is for admins only, and names an unknown group or dead letter (404 problem+json)', async () => {
    for (const [method, path] of [
      ['GET', '/v1/dead-letters'],
      ['GET', `/v1/dead-letters/${group}/${deadLetterId}`],
      ['POST', `/v1/dead-letters/${group}/replay`],
      ['POST', `/v1/dead-letters/${group}/${deadLetterId}/replay`],
    ]) {
      const refused = await call(method, path, 'pedagogical-lead');
      expect({ path, status: refused.status, type: refused.headers.get('content-type') }).toEqual({
        path,
        status: 403,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    const anonymous = await fetch(`${svc.url}/v1/dead-letters`);
    expect(anonymous.status).toBe(401);

    const unknownGroup = await call('POST', '/v1/dead-letters/jury.admissions-intake/replay');
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body).toMatchObject({
      field: 'group',
      detail: expect.stringContaining('review.candidacy-intake'),
    });
    const unknownId = await call('GET', `/v1/dead-letters/${group}/0-999999`);
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.field).toBe('id');
    expect((await call('POST', `/v1/dead-letters/${group}/not-an-id/replay`)).status).toBe(404);
  });

  it('replays it to the fixed version: the review opens once; a second replay, or the same message again, changes nothing', async () => {
    // The fix is deployed: the same database and deployment, the intake without the bug.
    await svc.close();
    svc = await startService('review', ReviewModule, { DEPLOYMENT_NAMESPACE: namespace, MONGO_DB: svc.database });
    const store = svc.app.get(EventStore);
    const intake = async () => (await store.readStream(`intake-${candidacyId}`)).events;
    expect((await intake()).some((e) => e.metadata.causationId === rank.metadata.eventId)).toBe(false);

    const replayed = await call('POST', `/v1/dead-letters/${group}/${deadLetterId}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual({ group, read: 1, replayed: [deadLetterId], replayedBefore: [], unroutable: [] });

    const review = await eventually(async () => {
      const res = await fetch(`${svc.url}/v1/reviews/${candidacyId}`, {
        headers: { authorization: `Bearer ${svc.token('pedagogical-lead', leadId)}` },
      });
      return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
    });
    expect(review).toMatchObject({ candidacyId, programmeCode: programme });
    const caused = (await intake()).filter((e) => e.metadata.causationId === rank.metadata.eventId);
    expect(caused).toHaveLength(1);

    const again = await call('POST', `/v1/dead-letters/${group}/replay`);
    expect(again.body).toEqual({ group, read: 1, replayed: [], replayedBefore: [deadLetterId], unroutable: [] });
    // As a crash between a replay's send and its record would: the message once more, same ce_id.
    await publish(rank);
    await eventually(async () =>
      (await metric('consumer_handled_events_total', 'SubmissionRanked')) === 2 ? true : undefined,
    );
    expect((await intake()).filter((e) => e.metadata.causationId === rank.metadata.eventId)).toEqual(caused);
    expect(await metric('consumer_dead_lettered_total')).toBe(0);

    const listed = await call('GET', `/v1/dead-letters/${group}`);
    expect(listed.body.deadLetters).toEqual([
      expect.objectContaining({ id: deadLetterId, replayed: { at: expect.any(String), by: 'admin-1' } }),
    ]);
    const groups = await call('GET', '/v1/dead-letters');
    expect(groups.body.groups).toContainEqual(expect.objectContaining({ group, held: 1, pending: 0 }));
    expect(await metric('dead_letters_pending')).toBe(0);
    expect(await metric('dead_letters_replayed_total')).toBe(1);
  });
});

describe('dead letters while Kafka does not answer', () => {
  let svc: ServiceUnderTest;

  beforeAll(async () => {
    // A broker address where nothing listens; the service starts without waiting for its servers.
    svc = await startService('review', ReviewModule, { KAFKA_BROKERS: '127.0.0.1:9' }, (builder) => builder, false);
  });
  afterAll(() => svc?.close());

  it('answers 503 problem+json with Retry-After, within the read deadline', async () => {
    const started = Date.now();
    const res = await fetch(`${svc.url}/v1/dead-letters/review.candidacy-intake`, {
      headers: { authorization: `Bearer ${svc.token('admin', 'admin-1')}` },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
