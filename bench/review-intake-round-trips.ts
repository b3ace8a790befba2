// `node -r @swc-node/register bench/review-intake-round-trips.ts [files]`: the MongoDB commands the
// review service sends per submitted file, from its Kafka intake (CandidacySubmitted and
// SubmissionRanked) until the file is in its lead's worklist and published on. Counted with the
// driver's command monitoring on the service booted in this process against the local servers
// (after `source .local/env`); the background polls of an idle service over the same time are
// measured first and taken off, so the figure is what the files cost.
import { toCloudEventMessage } from '@admissions/messaging';
import { eventTopicOf, MongoDatabase } from '@admissions/platform';
import { originOf, startService, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';
import { programmeCreated, ranked, submitted } from '../apps/review/src/review.int-helpers';
import { ReviewModule } from '../apps/review/src/review.module';

const FILES = Number(process.argv[2] ?? 30);
const IDLE_MS = 5_000;
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commands by `command collection` while it listens. */
class CommandCount {
  readonly byKey = new Map<string, number>();
  private readonly listener = (event: mongo.CommandStartedEvent) => {
    const target = event.command[event.commandName];
    const key = `${event.commandName} ${typeof target === 'string' ? target : ''}`.trim();
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
  };

  constructor(private readonly client: mongo.MongoClient) {
    client.on('commandStarted', this.listener);
  }

  stop(): void {
    this.client.off('commandStarted', this.listener);
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

async function main(): Promise<void> {
  const env = testEnv();
  const svc = await startService('review', ReviewModule);
  const { client, db } = svc.app.get(MongoDatabase);
  // The bench's own polls go through a client of its own, uncounted.
  const watcher = await new mongo.MongoClient(env.mongoUrl).connect();
  const watched = watcher.db(db.databaseName);
  const kafka = new Kafka({ clientId: 'bench-intake', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const topic = svc.names.kafka(eventTopicOf('candidacy'));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const publish = (events: ReturnType<typeof submitted>[]) =>
    producer.send({
      topic,
      acks: -1,
      messages: events.map((event) => {
        const { key, value, headers } = toCloudEventMessage(event, originOf('candidacy'));
        return { key, value, headers };
      }),
    });
  const outboxEmpty = async () => (await watched.collection('es_outbox').countDocuments({})) === 0;
  try {
    const code = uniqueName('MS').replace(/_/g, '-').toUpperCase();
    const leadId = uniqueName('lead');
    await publish([programmeCreated(code, leadId)]);
    await until(
      'the programme known',
      async () => (await watched.collection('es_commits').countDocuments({ streamId: `programme-${code}` })) > 0,
    );
    await until('the programme published', outboxEmpty);

    const idle = new CommandCount(client);
    const idleStarted = performance.now();
    await sleep(IDLE_MS);
    idle.stop();
    const idleMs = performance.now() - idleStarted;

    const files = new CommandCount(client);
    const started = performance.now();
    const candidacies = Array.from({ length: FILES }, () => randomUUID());
    await publish(candidacies.flatMap((id, i) => [submitted(id, code, leadId), ranked(id, code, i + 1)]));
    const reviews = watched.collection('rm_reviews');
    await until(`${FILES} files in the worklist`, async () => (await reviews.countDocuments({ leadId })) === FILES);
    await until('every event published', outboxEmpty);
    files.stop();
    const ms = performance.now() - started;

    const keys = [...new Set([...files.byKey.keys(), ...idle.byKey.keys()])].sort();
    const net = (key: string) => (files.byKey.get(key) ?? 0) - ((idle.byKey.get(key) ?? 0) * ms) / idleMs;
    say(`review intake: ${FILES} files in ${(ms / 1000).toFixed(1)} s; Mongo commands per file, idle polls taken off:`);
    for (const key of keys)
      if (Math.abs(net(key)) >= 0.05 * FILES) say(`  ${key.padEnd(40)} ${(net(key) / FILES).toFixed(2)}`);
    const total = keys.reduce((sum, key) => sum + net(key), 0);
    say(`  ${'total'.padEnd(40)} ${(total / FILES).toFixed(2)}`);
  } finally {
    await producer.disconnect();
    await watched.dropDatabase();
    await watcher.close();
    await svc.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
