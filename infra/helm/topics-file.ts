import { resolve } from 'node:path';
import { TOPICS } from '../../libs/platform/src/event-sourcing/topic-registry';

/** The chart's copy of the topic registry: templates/kafka-topics.yaml renders one KafkaTopic per entry. */
export const TOPICS_FILE = resolve(__dirname, 'admissions/files/topics.json');

export function topicsFileContent(): string {
  const topics = TOPICS.map(({ name, kind, owner, partitions, replicas, config }) => ({
    name,
    kind,
    owner,
    partitions,
    replicas,
    config,
  }));
  return `${JSON.stringify({ topics }, null, 2)}\n`;
}
