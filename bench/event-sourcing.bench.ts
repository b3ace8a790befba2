// npm run bench: the event-sourcing core against raw driver calls doing the same work, side by
// side in one run (the machines are shared and noisy: the ratio is the figure to read).
import type { Actor } from '@admissions/domain-kernel';
import { EventStore, LOG_START, LogSequencer, type CommitDocument } from '@admissions/event-store';
import { KafkaPublisher, KafkaTopicAdmin, OutboxRelay, toCloudEventMessage } from '@admissions/messaging';
import { ProjectionRunner, type Projection, type ReadModel } from '@admissions/projections';
import { mirrorIndexesAsGin } from '@admissions/platform';
import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { rawRebuild } from './raw-rebuild';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const CONCURRENCY = 16;
const actor: Actor = { id: 'bench', roles: [] };
const say = (line: string) => process.stdout.write(`${line}\n`);

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** Rates of both sides and their ratio (ours / baseline: 1.00 means as fast as the raw calls). */
function report(label: string, ours: number, baseline: number, baselineLabel: string): void {
  const rate = (seconds: number) => EVENTS / seconds;
  say(
    `${label.padEnd(8)} ${rate(ours).toFixed(0).padStart(7)} events/s | ${baselineLabel.padEnd(24)} ${rate(baseline).toFixed(0).padStart(7)} events/s | ratio ${(rate(ours) / rate(baseline)).toFixed(2)}`,
  );
}

interface Counter extends ReadModel {
  count: number;
}

const counter: Projection<Counter> = {
  name: 'rm_bench',
  handles: ['Happened'],
  documentsOf: (event) => [event.metadata.streamId],
  evolve: (doc, _event, id) => ({ _id: id, count: (doc?.count ?? 0) + 1 }),
};

async function main(): Promise<void> {
  const env = testEnv();
  const connection = await mongoose.createConnection(env.mongoUrl, { dbName: uniqueName('bench') }).asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database');
  const kafka = new Kafka({ clientId: 'bench', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = new KafkaTopicAdmin(kafka);
  const relayTopic = uniqueName('bench.relay');
  const rawTopic = uniqueName('bench.raw');
  await admin.ensureTopics([relayTopic, rawTopic]);
  say(`bench: ${EVENTS} events, ${CONCURRENCY} writers, one stream per 10 events`);

  // 1. Appends through the store vs raw insertOne of the same commit documents.
  const store = new EventStore(db);
  // As in a service, the sequencer listens from the start: it knows the commits appended here.
  const sequencer = new LogSequencer(store);
  const streamOf = (i: number) => `bench-${Math.floor(i / 10)}`;
  const appendSeconds = await timed(async () => {
    const versions = new Map<string, number>();
    const order = Array.from({ length: EVENTS }, (_, i) => (i % 10) * Math.ceil(EVENTS / 10) + Math.floor(i / 10));
    await inParallel(EVENTS, async (k) => {
      const streamId = streamOf(order[k] ?? k);
      const version = versions.get(streamId) ?? 0;
      versions.set(streamId, version + 1);
      await store.append(streamId, version, [{ type: 'Happened', data: { k } }], {
        correlationId: 'bench',
        actor,
        occurredAt: new Date(),
      });
    });
  });
  const raw = db.collection<CommitDocument>('raw_commits');
  const rawSeconds = await timed(() =>
    inParallel(EVENTS, async (k) => {
      await raw.insertOne({
        _id: `raw-${k}@1`,
        streamId: `raw-${k}`,
        version: 1,
        lastVersion: 1,
        committedAt: new Date(),
        correlationId: 'bench',
        actor,
        events: [{ eventId: `e${k}`, type: 'Happened', schemaVersion: 1, data: { k } }],
      });
    }),
  );
  report('append', appendSeconds, rawSeconds, 'raw insertOne');

  // 2. Relay (sequence the outbox into the log, then publish with acks all) vs a raw kafkajs send
  // loop of the same messages; `publish` is the second half alone.
  const publisher = new KafkaPublisher(kafka);
  // As the services do on FerretDB over PostgreSQL: GIN indexes it can use, for ours and the baselines alike.
  if (env.ferretdbPgUrl) await mirrorIndexesAsGin(env.ferretdbPgUrl, db.databaseName);
  const origin = { source: '/bench', schemaBaseUrl: 'http://bench.test' };
  const relay = new OutboxRelay(store, db, publisher, { ...origin, topic: relayTopic });
  const sequenceSeconds = await timed(async () => {
    while ((await sequencer.sequence()) > 0);
  });
  const publishSeconds = await timed(async () => {
    while ((await relay.relayOnce()) > 0);
  });
  const { events } = await store.readLog(LOG_START, EVENTS);
  const messages = events.map((event) => toCloudEventMessage(event, origin));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const sendSeconds = await timed(async () => {
    for (let i = 0; i < messages.length; i += 500) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [{ topic: rawTopic, messages: messages.slice(i, i + 500) }],
      });
    }
  });
  await producer.disconnect();
  report('relay', sequenceSeconds + publishSeconds, sendSeconds, 'raw kafkajs sendBatch');
  report('publish', publishSeconds, sendSeconds, 'raw kafkajs sendBatch');

  // 3. Rebuild through the projection runner vs a raw cursor + one unordered insertMany. Each runs
  // once untimed first: a read model exists (with its indexes) before an operator rebuilds it.
  // A store of its own, as an operator's rebuild in a new process: nothing of the log in memory.
  const runner = new ProjectionRunner(new EventStore(db), db, [counter]);
  const rawModel = db.collection<Counter>('rm_bench_raw');
  const rebuildRaw = () => rawRebuild(store.commits, rawModel, counter).then(() => undefined);
  await runner.rebuild(counter);
  await rebuildRaw();
  if (env.ferretdbPgUrl) await mirrorIndexesAsGin(env.ferretdbPgUrl, db.databaseName);
  const rebuildSeconds = await timed(() => runner.rebuild(counter));
  const rawRebuildSeconds = await timed(rebuildRaw);
  report('rebuild', rebuildSeconds, rawRebuildSeconds, 'raw cursor + insertMany');

  await publisher.close();
  await admin.close();
  await connection.dropDatabase();
  await connection.close();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${String(error)}\n`);
  process.exit(1);
});
