import {
  deadLetterTopicOf,
  EventConsumer,
  KafkaPublisher,
  KafkaSubscriber,
  KafkaTopicAdmin,
} from '@admissions/messaging';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DeploymentNames } from '../config/deployment-names';
import { MongoDatabase } from '../connections/mongo-database';
import { eventTopicOf } from '../event-sourcing/topics';
import { runOperatorJob } from './operator-cli';

/**
 * A real consumer group of the review service, in a namespace of its own, whose handler fails
 * until "fixed": its message is dead-lettered, then the operator replays it.
 */
describe('replay-dlq: a dead letter handed back to its group', () => {
  const env = testEnv();
  const namespace = uniqueName('replay');
  const names = new DeploymentNames(namespace);
  const kafka = new Kafka({ clientId: 'replay-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const group = 'review.candidacy-intake';
  const topic = eventTopicOf('candidacy');
  const publisher = new KafkaPublisher(kafka, names.kafka);
  const review = { service: 'review', contracts: [], projections: [] };
  const opsEnv = {
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    MONGO_URL: env.mongoUrl,
    REDIS_URL: env.redisUrl,
    MONGO_DB: uniqueName('test_replay'),
    DEPLOYMENT_NAMESPACE: namespace,
    LOG_LEVEL: 'silent',
  };
  const handled: string[] = [];
  let broken = true;
  let deadLettered = 0;
  let consumer: EventConsumer;

  async function ops(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOperatorJob(review, argv, {
      env: opsEnv,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    const admin = new KafkaTopicAdmin(kafka, { names: names.kafka, partitions: 1 });
    await admin.ensureTopics([topic, deadLetterTopicOf(group)]);
    await admin.close();
    consumer = new EventConsumer(
      new KafkaSubscriber(kafka, names.kafka),
      publisher,
      {
        groupId: group,
        topics: [topic],
        maxAttempts: 2,
        backoffMs: 10,
        handler: async (event) => {
          if (broken) throw new Error('programme not known yet');
          handled.push(event.metadata.eventId);
        },
      },
      { warn: () => undefined, error: () => undefined },
      { deadLettered: () => (deadLettered += 1) },
    );
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher.close();
  });

  it('re-delivers a dead letter to its source topic with its ce_id: handled once, and not replayed twice', async () => {
    const eventId = randomUUID();
    // Left by a dead-letter topic since created again (Kafka lost): the same place, another ce_id.
    const mongo = new MongoDatabase(env.mongoUrl, opsEnv.MONGO_DB);
    await mongo.connect();
    await mongo.db
      .collection<{ _id: string; group: string; eventId: string; topic: string; replayedAt: Date }>(
        'ops_dead_letter_replays',
      )
      .insertOne({ _id: `${group}@0:0`, group, eventId: 'an-earlier-event', topic, replayedAt: new Date() });
    await mongo.close();
    await publisher.publish(topic, [
      {
        key: 'candidacy-1',
        value: JSON.stringify({ candidacyId: 'candidacy-1' }),
        headers: {
          ce_specversion: '1.0',
          ce_id: eventId,
          ce_source: '/admissions/candidacy',
          ce_type: 'CandidacySubmitted',
          ce_time: new Date().toISOString(),
          ce_subject: 'candidacy-1',
          ce_streamversion: '3',
        },
      },
    ]);
    await eventually(async () => (deadLettered === 1 ? true : undefined));
    broken = false;

    const groups = await ops('dead-letters');
    expect(groups.code).toBe(0);
    expect(groups.out).toContainEqual(
      expect.stringMatching(/^ops review dead-letters: review\.candidacy-intake: 1 held, 1 pending, /),
    );
    expect(groups.out.at(-1)).toBe('ops review dead-letters: 1 dead letters pending in 4 groups');
    const listed = await ops('dead-letters', group);
    expect(listed.out[0]).toMatch(
      new RegExp(`^ops review dead-letters: 0-0 CandidacySubmitted ${eventId} \\S+ pending: programme not known yet$`),
    );

    const first = await ops('replay-dlq', group, '--all');

    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out.at(-1)).toMatch(
      /replay-dlq review\.candidacy-intake: 1 replayed, 0 replayed before, .* of 1 dead letters read/,
    );
    expect(first.out.some((line) => line.includes(`replayed ${eventId} CandidacySubmitted`))).toBe(true);
    await eventually(async () => (handled.length > 0 ? true : undefined));

    const second = await ops('replay-dlq', group, '--id', eventId);
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toMatch(/0 replayed, 1 replayed before/);
    const shown = await ops('dead-letters', group, '0-0');
    expect(JSON.parse(shown.out.join('\n').replace('ops review dead-letters: ', ''))).toMatchObject({
      id: '0-0',
      eventId,
      error: 'programme not known yet',
      source: { topic: names.kafka(topic), partition: 0, offset: expect.any(String) },
      headers: { ce_id: eventId, ce_type: 'CandidacySubmitted', ce_streamversion: '3' },
      replayed: { by: expect.stringMatching(/^operator@/) },
    });
    // Long enough for a second delivery to arrive, were there one.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(handled).toEqual([eventId]);
    expect(deadLettered).toBe(1);
  });

  it('refuses an unknown group or event id with one line and exit code 2', async () => {
    const unknownGroup = await ops('replay-dlq', 'review.nothing');
    expect(unknownGroup.code).toBe(2);
    expect(unknownGroup.err).toEqual([
      'ops review replay-dlq: unknown consumer group "review.nothing" of review (known: review.candidacy-intake, review.programme-leads, review.public-stream, review.person-erasure)',
    ]);

    const unknownId = await ops('replay-dlq', group, '--id', 'no-such-event');
    expect(unknownId.code).toBe(2);
    expect(unknownId.err).toEqual([`ops review replay-dlq: no dead letter with ce_id no-such-event on ${group}.dlq`]);

    const badFlag = await ops('replay-dlq', group, '--everything');
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toEqual([
      'ops review replay-dlq: usage: replay-dlq <group> [--all | --id <ce_id> | --dead-letter <id>]',
    ]);
  });
});
