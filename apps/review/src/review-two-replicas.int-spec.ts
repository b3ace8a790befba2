import { EventStore, type StoredEvent } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { eventTopicOf } from '@admissions/platform';
import {
  eventually,
  leaseHolder,
  metricOf,
  oneDeployment,
  originOf,
  settledDeployment,
  SETTLED_DEPLOYMENT,
  startService,
  testEnv,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { reviewViews } from './projections/review-view.projection';
import { programmeCreated, ranked, submitted } from './review.int-helpers';
import { ReviewModule } from './review.module';

const projections = [reviewViews];
const INTAKE = 'review.candidacy-intake';
const MOTIVATION = 'Solid engineering background and a clear project in data governance.';

// Two replicas of the review service, as a Deployment with replicas: 2 runs them: one database,
// one namespace, the same consumer groups, requests spread over both. The candidacy service is
// played by its events on the candidacy topic.
describe('review service with two replicas on the same servers', () => {
  const deployment = oneDeployment('review');
  const kafka = new Kafka({
    clientId: 'review-replicas-test',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  let publisher: KafkaPublisher;
  let replicas: ServiceUnderTest[] = [];
  const programme = uniqueName('MS').replace(/_/g, '-').toUpperCase();
  const leadId = uniqueName('lead');
  const files: string[] = [];

  const publish = (events: readonly StoredEvent[]) =>
    publisher.publish(
      eventTopicOf('candidacy'),
      events.map((event) => toCloudEventMessage(event, originOf('candidacy'))),
    );

  async function call(replica: ServiceUnderTest, method: string, path: string, body?: unknown) {
    const response = await fetch(replica.url + path, {
      method,
      headers: {
        authorization: `Bearer ${replica.token('pedagogical-lead', leadId)}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  /** The lead's worklist on a replica, as candidacy ids. */
  const worklistOn = async (replica: ServiceUnderTest, status = '') =>
    ((await call(replica, 'GET', `/v1/worklist${status}`)).body as unknown as { candidacyId: string }[]).map(
      (item) => item.candidacyId,
    );

  /** Waits until the lead's worklist holds exactly `expected`, read on each replica. */
  const worklistIs = (expected: readonly string[], status = '') =>
    eventually(async () => {
      const lists = await Promise.all(replicas.map((replica) => worklistOn(replica, status)));
      return lists.every((list) => list.length === expected.length) ? lists : undefined;
    }, 60_000).then((lists) => lists.map((list) => [...list].sort()));

  const streamTypes = async (streamId: string) =>
    (await replicas[0].app.get(EventStore).readStream(streamId)).events.map((event) => event.type);

  /** Submissions of new files, each delivered twice (same ce_id), as a relay retry does. */
  function newSubmissions(count: number, firstRank: number): StoredEvent[] {
    const ids = Array.from({ length: count }, () => randomUUID());
    files.push(...ids);
    return ids.flatMap((candidacyId, i) => {
      const submission = submitted(candidacyId, programme, leadId);
      return [submission, ranked(candidacyId, programme, firstRank + i), submission];
    });
  }

  beforeAll(async () => {
    await admin.connect();
    publisher = new KafkaPublisher(kafka, (topic) => replicas[0].names.kafka(topic));
    const first = await startService('review', ReviewModule, deployment);
    replicas = [first, await startService('review', ReviewModule, deployment)];
    // Publish once both replicas are members of each group, each with its share of the partitions.
    await eventually(async () => {
      const groups = ['review.candidacy-intake', 'review.programme-leads'].map((group) => first.names.kafka(group));
      const described = (await admin.describeGroups(groups)).groups;
      return described.every((group) => group.state === 'Stable' && group.members.length === 2) ? true : undefined;
    }, 60_000);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await publisher?.close();
    await admin.disconnect();
  });

  it('REV-1: the replicas share the intake group: each of 30 files, delivered twice, opens one review, once in its lead’s worklist on either replica', async () => {
    await publish([programmeCreated(programme, leadId), ...newSubmissions(30, 1)]);

    for (const list of await worklistIs(files)) expect(list).toEqual([...files].sort());
    for (const candidacyId of files) {
      expect(await streamTypes(`review-${candidacyId}`)).toEqual(['ReviewOpened', 'ReviewAssigned']);
    }
    // Every delivery is handled (60), the redeliveries too: a file is in the worklist after its first, and its
    // redelivery, later in the same key's lane, may still be on its way.
    const handled = await eventually(async () => {
      const counts = await Promise.all(
        replicas.map((replica) =>
          metricOf(replica, 'consumer_handled_events_total', { group: INTAKE, type: 'CandidacySubmitted' }),
        ),
      );
      return counts.reduce((sum, count) => sum + count, 0) >= 60 ? counts : undefined;
    }, 60_000);
    // 30 keys over 3 partitions shared 2 + 1: both replicas handled some (all on one: p < 1e-5).
    expect(handled.every((count) => count > 0)).toBe(true);
  });

  it('REV-3: opinions raced on both replicas are given once per file; one replica relays and folds, each event reaching Kafka once', async () => {
    const opinion = { opinion: 'FAVOURABLE', motivation: MOTIVATION };
    const answers = await Promise.all(
      files.map((candidacyId) =>
        Promise.all(replicas.map((replica) => call(replica, 'POST', `/v1/reviews/${candidacyId}/opinion`, opinion))),
      ),
    );
    for (const pair of answers) {
      expect(pair.map((answer) => answer.status).sort()).toEqual([200, 422]);
      expect(pair.find((answer) => answer.status === 422)?.body).toMatchObject({ ruleId: 'REV-3' });
    }
    for (const candidacyId of files) {
      const types = await streamTypes(`review-${candidacyId}`);
      expect(types.filter((type) => type === 'CandidateDeclaredAdmissible')).toHaveLength(1);
    }
    for (const list of await worklistIs(files, '?status=ADMISSIBLE')) expect(list).toEqual([...files].sort());

    expect(await settledDeployment(replicas, 'review', projections)).toMatchObject({
      ...SETTLED_DEPLOYMENT,
      replicasThatPublished: 1,
    });
  });

  it('the lease holder stops while files arrive: the other takes every partition and the lease, and handles, relays and folds each event once', async () => {
    const holder = await leaseHolder(replicas);
    const survivor = replicas.find((replica) => replica !== holder);
    if (!survivor) throw new Error('two replicas');
    const before = [...files];

    await Promise.all([publish(newSubmissions(10, 31)), holder.close()]);
    replicas = [survivor];
    await publish(newSubmissions(10, 41));
    for (const list of await worklistIs(files)) expect(list).toEqual([...files].sort());
    for (const candidacyId of files.filter((id) => !before.includes(id))) {
      expect(await streamTypes(`review-${candidacyId}`)).toEqual(['ReviewOpened', 'ReviewAssigned']);
    }

    expect(await leaseHolder(replicas)).toBe(survivor);
    expect(await settledDeployment([survivor], 'review', projections)).toMatchObject(SETTLED_DEPLOYMENT);
  });
});
