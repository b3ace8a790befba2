// The dead-letter topics of the deployment hold only the poison messages the suite published on
// purpose: nothing a server's absence did went there (the handling waits for it instead).
import { KafkaTopicReader } from '@admissions/messaging';
import type { DeploymentNames } from '@admissions/platform';
import { testEnv } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { type Check, check } from './check';

export async function deadLettersArePoison(names: DeploymentNames, injected: ReadonlySet<string>): Promise<Check> {
  const kafka = new Kafka({ clientId: 'chaos-dlq', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const prefix = names.kafka('');
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix) && topic.endsWith('.dlq'));
  await admin.disconnect();
  const parked = new Map<string, string[]>();
  const reader = new KafkaTopicReader(kafka);
  for (const topic of topics) {
    await reader.readToEnd(topic, {
      onMessage: ({ headers }) => parked.set(headers.ce_id, [...(parked.get(headers.ce_id) ?? []), topic]),
    });
  }
  const strangers = [...parked.keys()].filter((id) => !injected.has(id));
  const missed = [...injected].filter((id) => !parked.has(id));
  return check(
    'dead-letter topics hold only the poison injected on purpose',
    {
      'dead-letter topics': topics.length,
      'messages parked': [...parked.values()].reduce((sum, at) => sum + at.length, 0),
      'poison injected': injected.size,
      'poison parked': injected.size - missed.length,
      'other messages parked': strangers.length,
    },
    [
      ...strangers.map((id) => `${id} parked on ${parked.get(id)?.join(', ')}: not injected`),
      ...missed.map((id) => `poison ${id} parked nowhere`),
    ],
  );
}
