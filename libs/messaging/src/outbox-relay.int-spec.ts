import type { Actor } from '@admissions/domain-kernel';
import { EventStore } from '@admissions/event-store';
import { eventually, localKafkaPid, testEnv, uniqueName } from '@admissions/testing';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import type { ReceivedEvent } from './cloud-event';
import { EventConsumer } from './event-consumer';
import { KafkaPublisher, KafkaSubscriber, KafkaTopicAdmin } from './kafka.adapter';

const actor: Actor = { id: 'tester', roles: [] };
const STREAMS = 100;
const EVENTS = Number(process.env.RELAY_TEST_EVENTS ?? 10_000);
const silent = { warn: () => undefined, error: () => undefined };

describe('outbox relay to real Kafka', () => {
  const env = testEnv();
  const dbName = uniqueName('relay');
  const topic = uniqueName('relay.events');
  const kafka = new Kafka({ clientId: 'relay-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  let connection: mongoose.Connection;
  let store: EventStore;
  const children: ChildProcess[] = [];

  const startRelay = (instance: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(join(__dirname, '..', 'test', 'relay-child.ts'), [], {
        execArgv: ['-r', '@swc-node/register'],
        env: {
          ...process.env,
          MONGO_URL: env.mongoUrl,
          DB_NAME: dbName,
          KAFKA_BROKERS: env.kafkaBrokers.join(','),
          TOPIC: topic,
          INSTANCE: instance,
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      child.once('message', () => resolve(child));
      child.once('error', reject);
    });

  beforeAll(async () => {
    connection = await mongoose.createConnection(env.mongoUrl, { dbName }).asPromise();
    store = new EventStore(connection.db!);
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    const pid = localKafkaPid();
    if (pid) process.kill(pid, 'SIGCONT');
    await connection.dropDatabase();
    await connection.close();
  });

  it('delivers all 10,000 events once each, in version order per aggregate, across a relay crash and a broker outage', async () => {
    const seen = new Set<string>();
    const lastVersion = new Map<string, number>();
    const outOfOrder: string[] = [];
    const consumer = new EventConsumer(
      new KafkaSubscriber(kafka),
      new KafkaPublisher(kafka),
      {
        groupId: uniqueName('relay-test'),
        topics: [topic],
        handler: async (event: ReceivedEvent) => {
          if (seen.has(event.metadata.eventId)) return; // a redelivery changes nothing
          seen.add(event.metadata.eventId);
          const previous = lastVersion.get(event.metadata.streamId) ?? 0;
          if (event.metadata.version !== previous + 1)
            outOfOrder.push(`${event.metadata.streamId}@${event.metadata.version}`);
          lastVersion.set(event.metadata.streamId, event.metadata.version);
        },
      },
      silent,
    );
    await consumer.start();

    const first = await startRelay('relay-a');
    const versions = new Map<string, number>();
    let appended = 0;
    const appendBurst = async (count: number) => {
      while (count > 0) {
        const writes = Array.from({ length: Math.min(50, count) }, (_, i) => {
          const streamId = `agg-${(appended + i) % STREAMS}`;
          return streamId;
        });
        await Promise.all(
          [...new Set(writes)].map(async (streamId) => {
            const version = versions.get(streamId) ?? 0;
            versions.set(streamId, version + 1);
            await store.append(streamId, version, [{ type: 'Happened', data: { n: version + 1 } }], {
              correlationId: 'burst',
              actor,
              occurredAt: new Date(),
            });
          }),
        );
        appended += writes.length;
        count -= writes.length;
      }
    };

    await appendBurst(3000);
    first.kill('SIGKILL'); // crash: some events appended, some published, the checkpoint somewhere in between
    const pid = localKafkaPid();
    if (pid) process.kill(pid, 'SIGSTOP');
    const second = await startRelay('relay-b');
    await appendBurst(EVENTS - 3000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (pid) process.kill(pid, 'SIGCONT');

    await eventually(async () => seen.size >= EVENTS || undefined, 240_000, 200);
    second.kill('SIGKILL');
    await consumer.stop();

    expect(seen.size).toBe(EVENTS);
    expect(outOfOrder).toEqual([]);
    expect([...lastVersion.values()].reduce((a, b) => a + b, 0)).toBe(EVENTS);
  });
});
