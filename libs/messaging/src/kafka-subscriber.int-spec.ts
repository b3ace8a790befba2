import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaSubscriber, KafkaTopicAdmin } from './kafka.adapter';
import type { IncomingMessage, Subscription } from './message-bus.port';

describe('kafkajs subscriber on the local broker', () => {
  const kafka = new Kafka({ clientId: 'subscriber-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const topic = uniqueName('subscriber.events');
  let subscription: Subscription | undefined;

  beforeAll(async () => {
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
  });

  afterAll(async () => {
    await subscription?.stop();
  });

  it('handles the partitions side by side, each in its own order', async () => {
    let otherHandled: () => void = () => undefined;
    const other = new Promise<string>((resolve) => (otherHandled = () => resolve('other partition handled')));
    const handled: IncomingMessage[] = [];
    let blockedUntil = '';
    subscription = await new KafkaSubscriber(kafka).subscribe(uniqueName('subscriber'), [topic], async (message) => {
      if (message.value === 'slow') {
        // Partition 0 waits for another partition's message: handled in turn, it would come only after.
        const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 15_000));
        blockedUntil = await Promise.race([other, timeout]);
      } else if (message.partition !== 0) otherHandled();
      handled.push(message);
    });

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { partition: 0, key: 'a', value: 'slow' },
        ...['1', '2', '3', '4'].map((value) => ({ partition: 1, key: 'b', value })),
      ],
    });
    await producer.disconnect();

    const deadline = Date.now() + 30_000;
    while (handled.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blockedUntil).toBe('other partition handled');
    expect(handled.filter((message) => message.partition === 1).map((message) => message.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });
});
