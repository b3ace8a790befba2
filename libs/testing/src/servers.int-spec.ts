import { Queue, QueueEvents, Worker } from 'bullmq';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { Schema } from 'mongoose';
import { testEnv, uniqueName } from '.';

/** The three servers `npm test` starts answer as the services use them. */
describe('the real servers', () => {
  const env = testEnv();

  it('Kafka: a message produced is consumed by a consumer group', async () => {
    const kafka = new Kafka({ clientId: 'servers-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
    const topic = uniqueName('roundtrip');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'bonjour' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('roundtrip-group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? '') });
    });
    await consumer.disconnect();
    expect(received).toBe('bonjour');
  });

  it('MongoDB wire: mongoose writes, enforces a unique index and reads back', async () => {
    const connection = await mongoose.createConnection(env.mongoUrl, { dbName: uniqueName('servers') }).asPromise();
    const Programme = connection.model(
      'Programme',
      new Schema({ code: { type: String, required: true, unique: true }, places: Number }),
    );
    await Programme.init();
    await Programme.create({ code: 'MS-DATA', places: 25 });
    await expect(Programme.create({ code: 'MS-DATA', places: 30 })).rejects.toMatchObject({ code: 11000 });
    const found = await Programme.findOne({ code: 'MS-DATA' }).lean();
    expect(found?.places).toBe(25);
    const hello = await connection.db?.admin().command({ hello: 1 });
    expect(hello?.maxWireVersion).toBeGreaterThanOrEqual(9);
    await connection.dropDatabase();
    await connection.close();
  });

  it('Redis: BullMQ runs a delayed job once its delay has passed', async () => {
    const name = uniqueName('delayed');
    const connection = { url: env.redisUrl, maxRetriesPerRequest: null };
    const queue = new Queue(name, { connection });
    const events = new QueueEvents(name, { connection });
    const ran: number[] = [];
    const worker = new Worker(name, async () => void ran.push(Date.now()), { connection });
    await events.waitUntilReady();
    const addedAt = Date.now();
    const job = await queue.add('reminder', {}, { delay: 300 });
    await job.waitUntilFinished(events, 10_000);
    expect(ran).toHaveLength(1);
    expect(ran[0] - addedAt).toBeGreaterThanOrEqual(300);
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
