import type { KafkaTopicAdmin, TopicDrift, TopicSettings } from '@admissions/messaging';
import type { Gauge } from 'prom-client';
import { TOPICS, type TopicSpec } from './topic-registry';

export interface ProvisioningLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

/**
 * A registry topic as this cluster can hold it. The replication factor is the registry's, capped
 * to `replicationLimit` (KAFKA_REPLICATION_FACTOR, or the brokers in the cluster); so that one
 * replica may still be down, min.insync.replicas is at most replicas − 1, and at least 1. Three
 * brokers give the registry's 3 and 2; a single local broker 1 and 1.
 */
export function settingsFor(spec: TopicSpec, replicationLimit: number): TopicSettings {
  const replicas = Math.max(1, Math.min(spec.replicas, replicationLimit));
  const minInsync = Math.min(spec.config['min.insync.replicas'], Math.max(1, replicas - 1));
  return {
    name: spec.name,
    partitions: spec.partitions,
    replicas,
    config: {
      'cleanup.policy': spec.config['cleanup.policy'],
      'min.insync.replicas': String(minInsync),
      'retention.ms': String(spec.config['retention.ms']),
    },
  };
}

/**
 * Applies the topic registry at start: a service creates the topics it owns (its event topic,
 * its public streams, its consumer groups' dead-letter topics) as declared, and reports how the
 * existing ones differ, in the log and in `kafka_topic_drift`, without changing them: altering a
 * production topic is an operator's decision (or Strimzi's, from the same registry).
 */
export class TopicProvisioning {
  constructor(
    private readonly admin: KafkaTopicAdmin,
    /** KAFKA_REPLICATION_FACTOR; unset: the brokers in the cluster. */
    private readonly replicationFactor: number | undefined,
    private readonly driftGauge: Gauge,
    private readonly logger: ProvisioningLogger,
  ) {}

  /** Creates the service's missing topics and reports the drift of the others; returns that drift. */
  async applyOwned(service: string): Promise<TopicDrift[]> {
    const owned = TOPICS.filter((topic) => topic.owner === service);
    const drift = await this.admin.applyTopics(await this.settingsOf(owned));
    this.driftGauge.reset();
    for (const item of drift) {
      this.driftGauge.set({ topic: item.topic, setting: item.setting }, 1);
      this.logger.warn('kafka topic differs from the topic registry; left unchanged', { ...item });
    }
    return drift;
  }

  /**
   * Creates the missing topics among those a consumer reads or dead-letters to: as the registry
   * declares them (their owner reports drift), or with the broker's defaults for a topic it does
   * not list (a test's).
   */
  async ensure(names: readonly string[]): Promise<void> {
    const declared = TOPICS.filter((topic) => names.includes(topic.name));
    const others = names.filter((name) => !declared.some((topic) => topic.name === name));
    if (declared.length > 0) await this.admin.applyTopics(await this.settingsOf(declared));
    if (others.length > 0) await this.admin.ensureTopics(others);
  }

  private async settingsOf(specs: readonly TopicSpec[]): Promise<TopicSettings[]> {
    const limit = this.replicationFactor ?? (await this.admin.brokerCount());
    return specs.map((spec) => settingsFor(spec, limit));
  }
}
