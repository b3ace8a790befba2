// The jury's decision-stream publisher alone in its own process — the transactional consumer, the
// step and the ledger the service wires (PublicStreams) — so that a test can SIGKILL it anywhere.
import { ContractRegistry } from '@admissions/contracts';
import { KafkaTransactionalSubscriber } from '@admissions/messaging';
import { DeploymentNames, eventTopicOf, PublicStreamStep, PublishedLedger } from '@admissions/platform';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { DECISION_STREAM } from '../src/application/decision-stream.process-manager';
import { eventSourcing } from '../src/event-sourcing';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const connection = await mongoose.createConnection(env('MONGO_URL'), { dbName: env('DB_NAME') }).asPromise();
  if (!connection.db) throw new Error('no database');
  const kafka = new Kafka({
    clientId: 'decision-stream-child',
    brokers: env('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const step = new PublicStreamStep(
    DECISION_STREAM,
    {
      internal: new ContractRegistry(eventSourcing.contracts),
      public: new ContractRegistry(DECISION_STREAM.contracts),
    },
    { source: DECISION_STREAM.source, schemaBaseUrl: 'http://jury.test' },
    new PublishedLedger(connection.db, DECISION_STREAM.topic),
    { published: () => undefined, deadLettered: () => undefined },
  );
  const log = {
    warn: (message: string, context?: object) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`),
  };
  // A killed member's partitions go to its successor after this long, not kafkajs's 30 s.
  const subscriber = new KafkaTransactionalSubscriber(kafka, log, new DeploymentNames(env('NAMESPACE')).kafka, {
    sessionTimeoutMs: 6000,
  });
  await subscriber.subscribe(DECISION_STREAM.groupId, [eventTopicOf('jury')], step);
  process.send?.('started');
}

void main();
