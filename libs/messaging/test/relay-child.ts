// The log workers (sequencer + relay) in their own process, so a test can kill them with SIGKILL
// between append and publish.
import { EventStore, Lease, LogSequencer, LogWorkers } from '@admissions/event-store';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { KafkaPublisher } from '../src/kafka.adapter';
import { OutboxRelay } from '../src/outbox-relay';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const connection = await mongoose.createConnection(env('MONGO_URL'), { dbName: env('DB_NAME') }).asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database');
  const kafka = new Kafka({
    clientId: 'relay-child',
    brokers: env('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const store = new EventStore(db);
  const lease = new Lease(db, 'event-log', env('INSTANCE'), 2000);
  const relay = new OutboxRelay(
    store,
    db,
    new KafkaPublisher(kafka),
    { topic: env('TOPIC'), source: '/test', schemaBaseUrl: 'http://relay.test', batchSize: 200 },
    lease,
  );
  const log = {
    warn: (message: string, context?: object) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`),
  };
  // The appends happen in the test process: the sequencer finds them by its fallback look at the outbox.
  new LogWorkers(store, new LogSequencer(store, { batchSize: 200 }), [relay], lease, log, {
    sequencerIdleMs: 100,
  }).start();
  process.send?.('started');
}

void main();
