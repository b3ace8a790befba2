import type { StoredEvent } from '@admissions/event-store';
import {
  deadLetterTopicOf,
  KafkaPublisher,
  KafkaTopicAdmin,
  KafkaTopicReader,
  toCloudEventMessage,
} from '@admissions/messaging';
import { DECISIONS_TOPIC, DeploymentNames, eventTopicOf } from '@admissions/platform';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DECISION_STREAM } from './application/decision-stream.process-manager';

const DECISIONS = 500;
const CHUNK = 20;
const KILLS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An internal AdmissionDecided as the jury's relay puts it on admissions.jury.events. */
function decided(index: number): StoredEvent {
  const programmeCode = `MS-${index % 12}`;
  return {
    type: 'AdmissionDecided',
    data: {
      programmeCode,
      sessionId: 'session-1',
      candidateId: `candidate-${index}`,
      candidacyId: `candidacy-${index}`,
      decision: 'ADMITTED',
      reason: 'ranked',
      waitingListRank: null,
      decidedAt: '2027-06-01T09:00:00.000Z',
    },
    metadata: {
      eventId: randomUUID(),
      streamId: `programme-${programmeCode}`,
      version: index + 1,
      position: index + 1,
      occurredAt: '2027-06-01T09:00:00.000Z',
      correlationId: randomUUID(),
      actor: { id: 'jury-1', roles: ['jury-member'] },
      schemaVersion: 1,
    },
  };
}

/**
 * The decision stream's publisher (apps/jury/test/decision-stream-child.ts: the transactional
 * consumer, step and ledger of PublicStreams) in a child process, on a namespace and database of
 * its own; what subscribers see is read read_committed from the beginning of the public topic.
 */
describe('admissions.decisions.v1: each decision once for a read_committed subscriber', () => {
  const env = testEnv();
  const namespace = uniqueName('decisions');
  const names = new DeploymentNames(namespace);
  const dbName = uniqueName('test_decision_stream');
  const kafka = new Kafka({ clientId: 'decision-stream-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const source = eventTopicOf('jury');
  const internal = new KafkaPublisher(kafka, names.kafka);
  const admin = kafka.admin();
  const events = Array.from({ length: DECISIONS }, (_, index) => decided(index));
  const expected = events.map((event) => `decision-${event.metadata.eventId}`).sort();
  const children: ChildProcess[] = [];

  const startPublisher = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(join(__dirname, '..', 'test', 'decision-stream-child.ts'), [], {
        execArgv: ['-r', '@swc-node/register'],
        env: {
          ...process.env,
          MONGO_URL: env.mongoUrl,
          DB_NAME: dbName,
          KAFKA_BROKERS: env.kafkaBrokers.join(','),
          NAMESPACE: namespace,
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      child.once('message', () => resolve(child));
      child.once('exit', (code, signal) => reject(new Error(`publisher exited while starting (${code ?? signal})`)));
    });

  const stop = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  const republish = (batch: readonly StoredEvent[]) =>
    internal.publish(
      source,
      batch.map((event) =>
        toCloudEventMessage(event, { source: '/admissions/jury', schemaBaseUrl: 'http://jury.test' }),
      ),
    );

  /** The group's committed offsets reached the end of the source topic: nothing more will be published. */
  const caughtUp = () =>
    eventually(
      async () => {
        const [ends, [committed]] = await Promise.all([
          admin.fetchTopicOffsets(names.kafka(source)),
          admin.fetchOffsets({ groupId: names.kafka(DECISION_STREAM.groupId), topics: [names.kafka(source)] }),
        ]);
        const done = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
        return ends.every((end) => done.get(end.partition) === end.high) ? true : undefined;
      },
      60_000,
      200,
    );

  /** Every ce_id on the public topic, as a read_committed subscriber reading from the beginning sees it. */
  const published = async () => {
    const ids: string[] = [];
    await new KafkaTopicReader(kafka, names.kafka).readToEnd(DECISIONS_TOPIC, {
      onMessage: ({ headers }) => void ids.push(headers.ce_id),
    });
    return ids.sort();
  };

  beforeAll(async () => {
    const topics = new KafkaTopicAdmin(kafka, { names: names.kafka });
    await topics.ensureTopics([source, DECISIONS_TOPIC, deadLetterTopicOf(DECISION_STREAM.groupId)]);
    await topics.close();
    await admin.connect();
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.allSettled([internal.close(), admin.disconnect()]);
    const connection = await mongoose.createConnection(env.mongoUrl, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it(`sees each of ${DECISIONS} decisions exactly once though its two replicas are SIGKILLed ${KILLS} times at random points of the burst`, async () => {
    // Two replicas share the partitions: a kill is also a rebalance for the other one.
    const replicas = [await startPublisher(), await startPublisher()];
    const burst = (async () => {
      for (let from = 0; from < DECISIONS; from += CHUNK) {
        await republish(events.slice(from, from + CHUNK));
        await sleep(400);
      }
    })();
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Anywhere in its work: a transaction open, committing, or between two.
      await sleep(300 + Math.random() * 1500);
      const [victim] = replicas.splice(Math.floor(Math.random() * replicas.length), 1);
      if (victim) await stop(victim);
      replicas.push(await startPublisher());
    }
    await burst;
    await caughtUp();

    const ids = await published();
    expect(new Set(ids).size).toBe(DECISIONS);
    expect(ids).toEqual(expected);
  });

  it('publishes nothing for 50 source events delivered a second time', async () => {
    await republish(events.slice(100, 150));
    await caughtUp();

    expect(await published()).toEqual(expected);
  });

  it("publishes nothing again when the group's offsets are reset to the beginning (a replay)", async () => {
    for (const child of children) await stop(child);
    // The group takes the reset once the killed member's session has expired.
    await eventually(
      async () => {
        await admin.resetOffsets({
          groupId: names.kafka(DECISION_STREAM.groupId),
          topic: names.kafka(source),
          earliest: true,
        });
        return true;
      },
      30_000,
      500,
    );
    await startPublisher();
    await caughtUp();

    expect(await published()).toEqual(expected);
  });

  it("parks a source event that breaks its contract on the group's dead-letter topic, in the same transaction, and publishes nothing for it", async () => {
    const broken = decided(DECISIONS);
    const { candidateId: _dropped, ...data } = broken.data as Record<string, unknown>;
    await republish([{ ...broken, data }]);
    await caughtUp();

    expect(await published()).toEqual(expected);
    const parked: Record<string, string>[] = [];
    await new KafkaTopicReader(kafka, names.kafka).readToEnd(deadLetterTopicOf(DECISION_STREAM.groupId), {
      onMessage: ({ headers }) => void parked.push(headers),
    });
    expect(parked).toEqual([
      expect.objectContaining({ ce_id: broken.metadata.eventId, dlq_group: DECISION_STREAM.groupId }),
    ]);
    expect(parked[0]?.dlq_error).toMatch(/candidateId/);
  });
});
