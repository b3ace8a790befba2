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
import { mongoCommands, printPerUnit, runBench, sleep, until } from './round-trips';

const FILES = Number(process.argv[2] ?? 30);
const IDLE_MS = 5_000;

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

    const idle = mongoCommands(client);
    await sleep(IDLE_MS);
    idle.end();

    const files = mongoCommands(client);
    const candidacies = Array.from({ length: FILES }, () => randomUUID());
    await publish(candidacies.flatMap((id, i) => [submitted(id, code, leadId), ranked(id, code, i + 1)]));
    const reviews = watched.collection('rm_reviews');
    await until(`${FILES} files in the worklist`, async () => (await reviews.countDocuments({ leadId })) === FILES);
    await until('every event published', outboxEmpty);
    files.end();
    printPerUnit(
      `review intake: ${FILES} files in ${(files.ms / 1000).toFixed(1)} s; Mongo commands per file, idle polls taken off:`,
      files,
      idle,
      FILES,
    );
  } finally {
    await producer.disconnect();
    await watched.dropDatabase();
    await watcher.close();
    await svc.close();
  }
}

runBench('review intake', main);
