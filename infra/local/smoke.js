'use strict';
// End-to-end check of the local servers: Kafka produce/consume, MongoDB insert/find, Redis
// set/get. Run after up.sh:  source .local/env && node infra/local/smoke.js
// Uses unique names per run, so it never touches data the tests or services use.

const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');
const Redis = require('ioredis');

const KAFKA_BROKERS = process.env.KAFKA_BROKERS || '127.0.0.1:9092';
const MONGO_URL = process.env.MONGO_URL || 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RUN_ID = `smoke-${Date.now()}-${process.pid}`;

const say = (line) => process.stdout.write(`${line}\n`);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function kafkaRoundTrip() {
  const kafka = new Kafka({
    clientId: RUN_ID,
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING, // transient "coordinator not available" on a fresh broker
  });
  const topic = RUN_ID;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: RUN_ID });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise((resolve) => {
      consumer.run({ eachMessage: async ({ message }) => resolve(message.value.toString()) });
    });
    await producer.send({ topic, messages: [{ key: 'k', value: RUN_ID }] });
    const value = await withTimeout(received, 30000, 'kafka consume');
    if (value !== RUN_ID) throw new Error(`kafka: got ${value}`);
    say(`kafka ok: produced and consumed on ${topic}`);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

async function mongoRoundTrip() {
  const client = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db(RUN_ID.replace(/-/g, '_'));
  try {
    const items = db.collection('items');
    await items.createIndex({ key: 1 }, { unique: true });
    await items.insertOne({ key: RUN_ID, n: 1 });
    await items.updateOne({ key: RUN_ID }, { $inc: { n: 1 } });
    const found = await items.findOne({ key: RUN_ID });
    if (!found || found.n !== 2) throw new Error(`mongo: got ${JSON.stringify(found)}`);
    const hello = await db.admin().command({ hello: 1 });
    say(`mongo ok: insert/update/find (maxWireVersion ${hello.maxWireVersion})`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function redisRoundTrip() {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await redis.set(RUN_ID, 'v', 'EX', 60);
    const value = await redis.get(RUN_ID);
    if (value !== 'v') throw new Error(`redis: got ${value}`);
    const [, policy] = await redis.config('GET', 'maxmemory-policy');
    say(`redis ok: set/get (maxmemory-policy ${policy})`);
    await redis.del(RUN_ID);
  } finally {
    redis.disconnect();
  }
}

Promise.all([kafkaRoundTrip(), mongoRoundTrip(), redisRoundTrip()]).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`smoke failed: ${error.stack || error}\n`);
    process.exit(1);
  },
);
