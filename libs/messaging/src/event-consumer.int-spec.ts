import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopicOf } from './dead-letter';
import { EventConsumer } from './event-consumer';
import { KafkaPublisher, KafkaSubscriber, KafkaTopicAdmin } from './kafka.adapter';
import type { OutgoingMessage } from './message-bus.port';

const silent = { warn: () => undefined, error: () => undefined };

function message(id: string, type: string, data: unknown, value = JSON.stringify(data)): OutgoingMessage {
  return {
    key: 'stream-1',
    value,
    headers: {
      ce_specversion: '1.0',
      ce_id: id,
      ce_source: '/test',
      ce_type: type,
      ce_time: '2026-03-15T10:00:00.000Z',
      ce_subject: 'stream-1',
      ce_streamversion: '1',
      'content-type': 'application/json',
    },
  };
}

describe('event consumer with retries and a dead-letter topic', () => {
  const env = testEnv();
  const kafka = new Kafka({ clientId: 'consumer-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const topic = uniqueName('consumer.events');
  const groupId = uniqueName('consumer-test');
  const publisher = new KafkaPublisher(kafka);
  const admin = new KafkaTopicAdmin(kafka, { partitions: 1 });

  beforeAll(async () => {
    await admin.ensureTopics([topic, deadLetterTopicOf(groupId)]);
  });

  afterAll(async () => {
    await publisher.close();
    await admin.close();
  });

  it('parks a poison message on the dead-letter topic after its retries, and goes on with the next ones', async () => {
    const handled: string[] = [];
    let attemptsOnFailing = 0;
    const consumer = new EventConsumer(
      new KafkaSubscriber(kafka),
      publisher,
      {
        groupId,
        topics: [topic],
        maxAttempts: 3,
        backoffMs: 10,
        validate: (event) => (event.type === 'Unknown' ? 'unknown event type Unknown' : undefined),
        handler: async (event) => {
          if (event.type === 'AlwaysFails') {
            attemptsOnFailing += 1;
            throw new Error('the effect cannot be stored');
          }
          handled.push(event.metadata.eventId);
        },
      },
      silent,
    );
    await consumer.start();
    await publisher.publish(topic, [
      message('e1', 'Fine', { n: 1 }),
      message('e2', 'AlwaysFails', { n: 2 }),
      message('e3', 'Unknown', { n: 3 }),
      message('e4', 'Fine', {}, '{not json'),
      message('e5', 'Fine', { n: 5 }),
    ]);

    const parked: { id: string; error: string; attempts: string; offset: string }[] = [];
    const dlq = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await dlq.connect();
    await dlq.subscribe({ topic: deadLetterTopicOf(groupId), fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message: m }) => {
        const header = (name: string) => m.headers?.[name]?.toString() ?? '';
        parked.push({
          id: header('ce_id'),
          error: header('dlq_error'),
          attempts: header('dlq_attempts'),
          offset: header('dlq_offset'),
        });
      },
    });

    await eventually(async () => (handled.includes('e5') && parked.length === 3 ? true : undefined));
    await dlq.disconnect();
    await consumer.stop();

    expect(handled).toEqual(['e1', 'e5']);
    expect(attemptsOnFailing).toBe(3);
    expect(parked.map((p) => p.id).sort()).toEqual(['e2', 'e3', 'e4']);
    expect(parked.find((p) => p.id === 'e2')).toMatchObject({ error: 'the effect cannot be stored', attempts: '3' });
    expect(parked.find((p) => p.id === 'e3')?.error).toBe('unknown event type Unknown');
    expect(parked.find((p) => p.id === 'e4')?.error).toBe('body is not JSON');
  });
});
