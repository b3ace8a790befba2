import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaSubscriber, KafkaTopicAdmin } from './kafka.adapter';
import type { IncomingMessage, Subscription } from './message-bus.port';

describe('kafkajs subscriber on the local broker', () => {
  const kafka = new Kafka({ clientId: 'subscriber-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const topic = uniqueName('subscriber.events');
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    const admin = new KafkaTopicAdmin(kafka);
    await admin.ensureTopics([topic]);
    await admin.close();
  });

  afterAll(async () => {
    for (const subscription of subscriptions) await subscription.stop();
  });

  const send = async (messages: { partition: number; key: string; value: string }[]) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  };

  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 30_000;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('handles the partitions side by side, each in its own order', async () => {
    let otherHandled: () => void = () => undefined;
    const other = new Promise<string>((resolve) => (otherHandled = () => resolve('other partition handled')));
    const handled: IncomingMessage[] = [];
    let blockedUntil = '';
    // Sent before the group starts, so that its first fetch holds both partitions (the next
    // fetch waits for every batch of this one).
    await send([
      { partition: 0, key: 'a', value: 'slow' },
      ...['1', '2', '3', '4'].map((value) => ({ partition: 1, key: 'b', value })),
    ]);

    const subscription = await new KafkaSubscriber(kafka).subscribe(
      uniqueName('subscriber'),
      [topic],
      async (message) => {
        if (message.value === 'slow') {
          // Partition 0 waits for another partition's message: handled in turn, it would come only after.
          const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 15_000));
          blockedUntil = await Promise.race([other, timeout]);
        } else if (message.partition !== 0) otherHandled();
        handled.push(message);
      },
    );
    subscriptions.push(subscription);

    await until(() => handled.length >= 5);
    expect(blockedUntil).toBe('other partition handled');
    expect(handled.filter((message) => message.partition === 1).map((message) => message.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('handles the keys of one partition side by side, each key in its order', async () => {
    const group = uniqueName('subscriber-keys');
    let otherKeyHandled: () => void = () => undefined;
    const otherKey = new Promise<string>((resolve) => (otherKeyHandled = () => resolve('other key handled')));
    const handled: IncomingMessage[] = [];
    let blockedUntil = '';
    subscriptions.push(
      await new KafkaSubscriber(kafka).subscribe(group, [topic], async (message) => {
        if (!message.key.startsWith(group)) return; // the other tests' messages
        if (message.value === 'slow') {
          // Key a waits for key b's messages behind it on the same partition.
          const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 15_000));
          blockedUntil = await Promise.race([otherKey, timeout]);
        } else if (message.value === 'b4') otherKeyHandled();
        handled.push(message);
      }),
    );

    await send([
      { partition: 2, key: `${group}-a`, value: 'slow' },
      ...['b1', 'b2', 'b3', 'b4'].map((value) => ({ partition: 2, key: `${group}-b`, value })),
      { partition: 2, key: `${group}-a`, value: 'a2' },
    ]);

    await until(() => handled.length >= 6);
    expect(blockedUntil).toBe('other key handled');
    expect(handled.map((message) => message.value)).toEqual(['b1', 'b2', 'b3', 'b4', 'slow', 'a2']);
  });

  it('delivers again a message whose handling failed, and every message after it: none is lost', async () => {
    const group = uniqueName('subscriber-failure');
    const attempts = new Map<string, number>();
    let failedOnce = false;
    subscriptions.push(
      await new KafkaSubscriber(kafka).subscribe(group, [topic], async (message) => {
        if (!message.key.startsWith(group)) return;
        attempts.set(message.value, (attempts.get(message.value) ?? 0) + 1);
        if (message.value === 'x2' && !failedOnce) {
          failedOnce = true;
          throw new Error('the handler failed once');
        }
      }),
    );

    await send(['x1', 'x2', 'x3', 'y1', 'y2'].map((value) => ({ partition: 0, key: `${group}-${value[0]}`, value })));

    await until(() => ['x1', 'x2', 'x3', 'y1', 'y2'].every((value) => attempts.has(value)) && attempts.get('x2') === 2);
    expect(failedOnce).toBe(true);
    expect(attempts.get('x2')).toBe(2);
    expect(attempts.get('x3')).toBeGreaterThanOrEqual(1);
    expect(['y1', 'y2'].every((value) => attempts.has(value))).toBe(true);
  });
});
