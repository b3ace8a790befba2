import { KafkaTopicAdmin } from '@admissions/messaging';
import { testEnv, uniqueName } from '@admissions/testing';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { Registry } from 'prom-client';
import { DeploymentNames } from '../config/deployment-names';
import { EventSourcingMetrics } from './event-sourcing.metrics';
import { TopicProvisioning } from './topic-provisioning';

/** Against the local single broker: the registry's topics as created, and drift reported, not fixed. */
describe('topic provisioning from the registry', () => {
  const kafka = new Kafka({
    clientId: 'topic-provisioning-test',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  let raw: Admin;

  beforeAll(async () => {
    raw = kafka.admin();
    await raw.connect();
  });
  afterAll(() => raw.disconnect());

  function provisioning(namespace: string) {
    const metrics = new EventSourcingMetrics(new Registry());
    const warnings: Record<string, unknown>[] = [];
    const admin = new KafkaTopicAdmin(kafka, { names: new DeploymentNames(namespace).kafka });
    const topics = new TopicProvisioning(admin, undefined, metrics.topicDrift, {
      warn: (_message, context) => warnings.push(context ?? {}),
    });
    return { topics, admin, metrics, warnings };
  }

  async function describe(topic: string) {
    const [{ topics }, { resources }] = await Promise.all([
      raw.fetchTopicMetadata({ topics: [topic] }),
      raw.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      }),
    ]);
    const configs = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    return { partitions: topics[0].partitions.length, replicas: topics[0].partitions[0].replicas.length, configs };
  }

  it("creates a service's missing topics with the registry's partitions and configs, capped to one broker", async () => {
    const namespace = uniqueName('prov');
    const { topics, admin } = provisioning(namespace);

    await expect(topics.applyOwned('jury')).resolves.toEqual([]);

    const events = await describe(`${namespace}.admissions.jury.events`);
    expect(events).toMatchObject({ partitions: 6, replicas: 1 });
    expect(events.configs).toMatchObject({
      'retention.ms': '-1',
      'cleanup.policy': 'delete',
      'min.insync.replicas': '1',
    });
    expect((await describe(`${namespace}.admissions.decisions.v1`)).configs['retention.ms']).toBe('-1');
    const deadLetters = await describe(`${namespace}.jury.admissions-intake.dlq`);
    expect(deadLetters.partitions).toBe(1);
    expect(deadLetters.configs['retention.ms']).toBe(String(30 * 24 * 3600 * 1000));
    // Applied again: nothing differs.
    await expect(topics.applyOwned('jury')).resolves.toEqual([]);
    await admin.close();
  });

  it('reports a topic created by hand with other settings as drift, and leaves it as it is', async () => {
    const namespace = uniqueName('drift');
    const topic = `${namespace}.admissions.review.events`;
    await raw.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 2, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '86400000' }] },
      ],
    });
    const { topics, admin, metrics, warnings } = provisioning(namespace);

    const drift = await topics.applyOwned('review');

    expect(drift).toEqual(
      expect.arrayContaining([
        { topic: 'admissions.review.events', setting: 'partitions', declared: '6', actual: '2' },
        { topic: 'admissions.review.events', setting: 'retention.ms', declared: '-1', actual: '86400000' },
      ]),
    );
    expect(drift).toHaveLength(2);
    expect(warnings).toHaveLength(2);
    const gauge = await metrics.topicDrift.get();
    expect(gauge.values).toEqual(
      expect.arrayContaining([
        { labels: { topic: 'admissions.review.events', setting: 'partitions' }, value: 1 },
        { labels: { topic: 'admissions.review.events', setting: 'retention.ms' }, value: 1 },
      ]),
    );
    const after = await describe(topic);
    expect(after.partitions).toBe(2);
    expect(after.configs['retention.ms']).toBe('86400000');
    // Its other topics were missing: created as declared.
    expect((await describe(`${namespace}.review.candidacy-intake.dlq`)).partitions).toBe(1);
    await admin.close();
  });
});
