// A relay in its own process, so a test can kill it with SIGKILL between append and publish.
import { EventStore } from '@admissions/event-store';
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
  const relay = new OutboxRelay(
    new EventStore(db),
    db,
    new KafkaPublisher(kafka),
    { topic: env('TOPIC'), source: '/test', instanceId: env('INSTANCE'), batchSize: 200, leaseTtlMs: 2000 },
    { warn: (message, context) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`) },
  );
  relay.start();
  process.send?.('started');
}

void main();
