import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaTopicAdmin } from './kafka.adapter';
import type { IncomingMessage } from './message-bus.port';
import { KafkaTopicReader, UnknownTopicError } from './topic-reader';

describe('reading a topic from its beginning to its current end', () => {
  const kafka = new Kafka({
    clientId: 'topic-reader-test',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const reader = new KafkaTopicReader(kafka);

  async function readAll(topic: string): Promise<{ values: string[]; progress: { read: number; total: number } }> {
    const messages: IncomingMessage[] = [];
    const progress = await reader.readToEnd(topic, { onMessage: (m) => messages.push(m) });
    return { values: messages.map((m) => m.value).sort(), progress };
  }

  it('stops at the end even when the last offsets are transaction markers, and skips aborted messages', async () => {
    const topic = uniqueName('reader.transactional');
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
    const producer = kafka.producer({
      transactionalId: uniqueName('reader-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    try {
      const committed = await producer.transaction();
      await committed.send({ topic, messages: ['a', 'b', 'c', 'd'].map((value) => ({ key: value, value })) });
      await committed.commit();
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ key: 'x', value: 'aborted' }] });
      await aborted.abort();
    } finally {
      await producer.disconnect();
    }

    const { values, progress } = await readAll(topic);
    expect(values).toEqual(['a', 'b', 'c', 'd']);
    // Four messages, the aborted one, and a marker after each transaction: every offset passed.
    expect(progress).toEqual({ read: progress.total, total: expect.any(Number) });
    expect(progress.total).toBeGreaterThanOrEqual(5);
  });

  it('reads an empty topic as nothing, at once', async () => {
    const topic = uniqueName('reader.empty');
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
    expect(await readAll(topic)).toEqual({ values: [], progress: { read: 0, total: 0 } });
  });

  it('refuses a topic the broker does not have, without creating it', async () => {
    const topic = uniqueName('reader.absent');
    await expect(readAll(topic)).rejects.toThrow(new UnknownTopicError(`topic ${topic} does not exist`));
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(topic);
    await admin.disconnect();
  });
});
