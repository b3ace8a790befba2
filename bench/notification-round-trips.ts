// `node -r @swc-node/register bench/notification-round-trips.ts [candidates] [--shapes]`: what the notification
// service costs per jury decision (an AdmissionDecided and its OfferMade, as a jury session
// publishes them on the programme's stream): the MongoDB commands its client sends and the Redis
// commands the server runs, from the decisions' publication until every candidate has both emails
// and the outbox is empty. On the service booted in this process against the local servers (after
// `source .local/env`); the idle rates over as long are measured first and taken off.
import { MongoDatabase } from '@admissions/platform';
import { testEnv } from '@admissions/testing';
import Redis from 'ioredis';
import { candidacyEvents, juryEvents, person, type Person } from '../apps/notification/test/journey-events';
import {
  isolatedSettings,
  newSink,
  sourcesFor,
  startNotification,
} from '../apps/notification/test/notification-under-test';
import { mongoCommands, printPerUnit, redisCommands, runBench, sleep, until } from './round-trips';

const CANDIDATES = Number(process.argv[2] ?? 40);
/** Finds also by the fields they filter on. */
const SHAPES = process.argv.includes('--shapes');
const IDLE_MS = 5_000;
const DAY = 86_400_000;

async function main(): Promise<void> {
  const sink = newSink();
  await sink.start();
  const settings = isolatedSettings();
  const svc = await startNotification(sink, settings);
  const events = sourcesFor(settings);
  const redis = new Redis(testEnv().redisUrl);
  const { client, db } = svc.app.get(MongoDatabase);
  const outboxEmpty = async () => (await db.collection('es_outbox').countDocuments({})) === 0;
  const mailed = (people: readonly Person[], mails: number) => async () =>
    people.every((p) => sink.to(p.email).length >= mails);
  try {
    // Known candidates first: their submission receipts sent.
    const people = Array.from({ length: CANDIDATES }, (_, i) => person(i % 2 === 0 ? 'fr' : 'en'));
    for (const p of people)
      await events.publish(
        'candidacy',
        `candidacy-${p.candidacyId}`,
        'CandidacySubmitted',
        candidacyEvents.submitted(p),
      );
    await until('every receipt sent', mailed(people, 1));
    await until('the receipts published', outboxEmpty);

    const idleMongo = mongoCommands(client, SHAPES);
    const idleRedis = await redisCommands(redis.duplicate());
    await sleep(IDLE_MS);
    idleMongo.end();
    idleRedis.end();

    const mongo = mongoCommands(client, SHAPES);
    const redisTally = await redisCommands(redis.duplicate());
    const expiresAt = new Date(Date.now() + 10 * DAY).toISOString();
    const programme = `jury-programme-${settings.DEPLOYMENT_NAMESPACE}`;
    for (const [i, p] of people.entries()) {
      await events.publish('jury', programme, 'AdmissionDecided', juryEvents.decided(p, 'ADMITTED'));
      await events.publish(
        'jury',
        programme,
        'OfferMade',
        juryEvents.offerMade(p, `offer-${i}-${p.candidateId}`, expiresAt),
      );
    }
    await until('both emails for every candidate', mailed(people, 3));
    await until('every event published', outboxEmpty);
    mongo.end();
    redisTally.end();

    const seconds = (mongo.ms / 1000).toFixed(1);
    printPerUnit(
      `${CANDIDATES} decisions with their offers in ${seconds} s; MongoDB commands per decision:`,
      mongo,
      idleMongo,
      CANDIDATES,
    );
    printPerUnit('Redis commands per decision:', redisTally, idleRedis, CANDIDATES);
  } finally {
    await events.close();
    redis.disconnect();
    await db.dropDatabase();
    await svc.close();
    await sink.stop();
  }
}

runBench('notification round trips', main);
