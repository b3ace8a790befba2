import type { Actor } from '@admissions/domain-kernel';
import { EventStore, Lease, LogSequencer } from '@admissions/event-store';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { KafkaPublisher, KafkaTopicAdmin } from './kafka.adapter';
import type { MessagePublisher } from './message-bus.port';
import { OutboxRelay } from './outbox-relay';

const actor: Actor = { id: 'tester', roles: [] };

describe('outbox relay fenced by its lease', () => {
  const env = testEnv();
  const topic = uniqueName('fenced.events');
  const kafka = new Kafka({ clientId: 'fencing-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const kafkaPublisher = new KafkaPublisher(kafka);
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(env.mongoUrl, { dbName: uniqueName('fencing') }).asPromise();
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
  });

  afterAll(async () => {
    await kafkaPublisher.close();
    await connection.dropDatabase();
    await connection.close();
  });

  it('a holder paused past its lease moves no checkpoint once a successor has taken over', async () => {
    const db = connection.db!;
    const store = new EventStore(db);
    const sequencer = new LogSequencer(store);
    for (let i = 1; i <= 3; i += 1) {
      await store.append(`s-${i}`, 0, [{ type: 'Happened', data: { i } }], {
        correlationId: `c${i}`,
        actor,
        occurredAt: new Date(),
      });
      await sequencer.sequence(); // one batch per event: batches 1, 2, 3
    }
    const checkpoint = async () => db.collection('es_relay_checkpoints').findOne({ _id: topic as never });

    // A takes the lease and starts publishing batch 1, then freezes (its send hangs, it stops renewing).
    let thaw: () => void = () => undefined;
    const frozen = new Promise<void>((resolve) => (thaw = resolve));
    const stuck: MessagePublisher = {
      publish: async (t, messages) => {
        await frozen;
        await kafkaPublisher.publish(t, messages);
      },
      close: async () => undefined,
    };
    const origin = { source: '/test', schemaBaseUrl: 'http://relay.test' };
    const leaseA = new Lease(db, 'event-log', 'a', 500);
    expect(await leaseA.acquire()).toBe(true);
    const relayA = new OutboxRelay(store, db, stuck, { ...origin, topic, batchSize: 1 }, leaseA);
    const roundA = relayA.relayOnce();

    // B takes over once A's lease has expired and publishes all three batches.
    const leaseB = new Lease(db, 'event-log', 'b', 500);
    await eventually(async () => (await leaseB.acquire()) || undefined, 5000, 100);
    const relayB = new OutboxRelay(store, db, kafkaPublisher, { ...origin, topic }, leaseB);
    expect(await relayB.relayOnce()).toBe(3);
    expect(await checkpoint()).toMatchObject({ batch: 3, position: 3 });

    // A wakes up, its send completes, and it finds the later epoch: the checkpoint stays B's.
    thaw();
    expect(await roundA).toBe(0);
    expect(leaseA.held).toBe(false);
    expect(await checkpoint()).toMatchObject({ batch: 3, position: 3 });
  });
});
