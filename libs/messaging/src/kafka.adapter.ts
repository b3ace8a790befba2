import './kafkajs-idle-fix';
import { ConfigResourceTypes, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import { incomingOf } from './kafka-messages';
import { inKeyLanes } from './key-lanes';
import { retryingRetriable } from './kafka-retries';
import {
  PLAIN_NAMES,
  type BrokerNames,
  type MessageHandler,
  type MessagePublisher,
  type MessageSubscriber,
  type OutgoingMessage,
  type HeldOffsets,
  type LaneOf,
  type Subscription,
  type TopicAdmin,
  type TopicDrift,
  type TopicSettings,
} from './message-bus.port';

const ALL_IN_SYNC_REPLICAS = -1;

/** The broker did not answer in time: a retriable condition, not a refusal. */
export class BrokerUnavailableError extends Error {
  override readonly name = 'BrokerUnavailableError';
}

/**
 * Partitions of a topic created without declared settings (tests, tools; the services declare
 * theirs). The aggregate id is the key, so order holds per aggregate.
 */
export const TOPIC_PARTITIONS = 3;

/**
 * How many lanes (by default keys, i.e. aggregates) of one partition a subscriber handles side by
 * side. Partitions carry keys by hash, so several busy ones can share a partition: three juries
 * deciding at once on one of them outran 8 lanes (a decision's handlers wait on their servers
 * 0.3-0.9 s), where 32 kept up (docs/season.md, 2026-12-05).
 */
const LANES_AT_ONCE = 32;

/**
 * kafkajs heartbeats between fetches once its interval has passed: with its 3 s, after every idle
 * fetch wait (5 s). Every other wait is enough within the broker's session (30 s), and halves an
 * idle group's requests; a member learns of a rebalance at its next heartbeat, so within 10 s.
 * KAFKA_HEARTBEAT_MS trades that back where rebalances matter more than idle requests (tests).
 */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/** How long a subscription keeps retrying what the broker calls retriable (a topic just created, a group loading). */
export const RETRIABLE_FOR_MS = 120_000;

export interface SubscriberOptions {
  /** How often a member tells the group it lives, and so learns of a rebalance. */
  readonly heartbeatMs?: number;
  /**
   * Partitions one consumer handles at once: the platform gives its topics' count, so that a
   * partition with work never waits for another's batch to end. That of an undeclared topic by default.
   */
  readonly partitionsAtOnce?: number;
}

interface KafkaClient {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * A kafkajs producer or admin, connected on first use and replaced by a new one after a failure.
 * kafkajs 2.2.4 never recovers from a first contact whose ApiVersions request timed out (a broker
 * that accepted the connection but did not answer: paused, overloaded): it keeps that socket
 * without negotiated API versions and fails every later request with "Broker not connected".
 * A new client starts over; kafkajs has already retried before a call fails, so this is rare.
 */
class FreshAfterFailure<C extends KafkaClient> {
  private current?: { client: C; connected: Promise<void> };

  constructor(
    private readonly create: () => C,
    /** A call still unanswered by then fails too: a broker frozen mid-request may never answer. */
    private readonly timeoutMs = 30_000,
  ) {}

  async use<T>(work: (client: C) => Promise<T>): Promise<T> {
    const current = (this.current ??= this.open());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BrokerUnavailableError(`Kafka did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([current.connected.then(() => work(current.client)), timeout]);
    } catch (error) {
      this.drop(current);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current) await current.client.disconnect();
  }

  private open(): { client: C; connected: Promise<void> } {
    const client = this.create();
    return { client, connected: client.connect() };
  }

  private drop(failed: { client: C }): void {
    if (this.current !== failed) return; // a concurrent call has replaced it already
    this.current = undefined;
    failed.client.disconnect().catch(() => undefined);
  }
}

export class KafkaPublisher implements MessagePublisher {
  private readonly producer: FreshAfterFailure<Producer>;

  constructor(
    kafka: Kafka,
    private readonly names: BrokerNames = PLAIN_NAMES,
    /**
     * false: a send to a topic the broker does not have fails (and is retried) rather than
     * creating it with the broker's defaults; for code whose topics are created as declared.
     */
    createsTopics = true,
  ) {
    // Idempotent producer: a retried batch is written once and in order per partition.
    this.producer = new FreshAfterFailure(() =>
      kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: createsTopics }),
    );
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.use((producer) =>
      producer.send({
        topic: this.names(topic),
        acks: ALL_IN_SYNC_REPLICAS,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      }),
    );
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

export class KafkaSubscriber implements MessageSubscriber {
  constructor(
    private readonly kafka: Kafka,
    private readonly names: BrokerNames = PLAIN_NAMES,
    private readonly options: SubscriberOptions = {},
  ) {}

  /**
   * A topic created a moment ago may be missing from the broker's metadata (UNKNOWN_TOPIC_OR_PARTITION),
   * a coordinator may still be loading: such errors are retried with backoff, on a fresh consumer.
   */
  subscribe(
    groupId: string,
    topics: readonly string[],
    handler: MessageHandler,
    laneOf: LaneOf = (message) => message.key,
  ): Promise<Subscription> {
    return retryingRetriable(async () => {
      const consumer = this.consumerFor(this.names(groupId));
      try {
        await this.start(consumer, topics.map(this.names), handler, laneOf);
        return { stop: () => consumer.disconnect() };
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
    }, RETRIABLE_FOR_MS);
  }

  private consumerFor(groupId: string): Consumer {
    // kafkajs restarts a crashed consumer only after retriable errors; a broker away for long
    // ends in a non-retriable one, and the group would stay silent for good.
    return this.kafka.consumer({
      groupId,
      heartbeatInterval: this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      allowAutoTopicCreation: true,
      retry: { restartOnFailure: async () => true },
    });
  }

  private async start(
    consumer: Consumer,
    topics: readonly string[],
    handler: MessageHandler,
    laneOf: LaneOf,
  ): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      // Order is only promised per key (aggregate), so partitions need not wait for each other, nor
      // lanes within a partition: one slow handler, or a backlog of one aggregate, holds back only
      // its own lane.
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? TOPIC_PARTITIONS,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        const messages = batch.messages.map((message) => incomingOf(batch.topic, batch.partition, message));
        const { handledPrefix, failure } = await inKeyLanes(
          messages,
          laneOf,
          LANES_AT_ONCE,
          async (message) => {
            await handler(message, { heartbeat });
            await heartbeat();
          },
          () => isRunning() && !isStale(),
        );
        if (handledPrefix > 0) resolveOffset(messages[handledPrefix - 1].offset);
        await commitOffsetsIfNecessary();
        if (failure) throw failure.error;
      },
    });
  }
}

export class KafkaTopicAdmin implements TopicAdmin {
  private readonly admin: FreshAfterFailure<Admin>;
  private readonly partitions: number;
  private readonly replicationFactor: number;
  private readonly names: BrokerNames;

  constructor(
    kafka: Kafka,
    options: { readonly partitions?: number; readonly replicationFactor?: number; readonly names?: BrokerNames } = {},
  ) {
    this.admin = new FreshAfterFailure(() => kafka.admin());
    this.partitions = options.partitions ?? TOPIC_PARTITIONS;
    this.replicationFactor = options.replicationFactor ?? 1;
    this.names = options.names ?? PLAIN_NAMES;
  }

  /** Retries what the broker calls retriable (a controller moving, a broker starting) for a while. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const settings = topics.map((name) => ({
      name,
      partitions: this.partitions,
      replicas: this.replicationFactor,
      config: {},
    }));
    await retryingRetriable(() => this.admin.use((admin) => this.createMissing(admin, settings)), 120_000);
  }

  /** Never alters an existing topic: a production topic changes by an operator's decision only. */
  applyTopics(topics: readonly TopicSettings[]): Promise<TopicDrift[]> {
    return retryingRetriable(
      () =>
        this.admin.use(async (admin) => {
          const existing = await this.createMissing(admin, topics);
          return existing.length === 0 ? [] : this.driftOf(admin, existing);
        }),
      120_000,
    );
  }

  brokerCount(): Promise<number> {
    return this.admin.use(async (admin) => (await admin.describeCluster()).brokers.length);
  }

  consumerLag(groupId: string, topics: readonly string[]): Promise<number> {
    return this.admin.use((admin) => this.lagOf(admin, this.names(groupId), topics.map(this.names)));
  }

  heldOffsets(topic: string): Promise<HeldOffsets[]> {
    const name = this.names(topic);
    return this.admin.use(async (admin) => {
      if (!(await admin.listTopics()).includes(name)) return [];
      const offsets = await admin.fetchTopicOffsets(name);
      return offsets.map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }));
    });
  }

  close(): Promise<void> {
    return this.admin.close();
  }

  /** Creates the topics the broker does not have; returns those it had. */
  private async createMissing(admin: Admin, topics: readonly TopicSettings[]): Promise<TopicSettings[]> {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(this.names(topic.name)));
    if (missing.length > 0) {
      // A topic another instance created in between is no error: kafkajs resolves false for it.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: this.names(topic.name),
          numPartitions: topic.partitions,
          replicationFactor: topic.replicas,
          configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return topics.filter((topic) => existing.has(this.names(topic.name)));
  }

  private async driftOf(admin: Admin, topics: readonly TopicSettings[]): Promise<TopicDrift[]> {
    const brokerNames = topics.map((topic) => this.names(topic.name));
    const [{ topics: metadata }, { resources }] = await Promise.all([
      admin.fetchTopicMetadata({ topics: brokerNames }),
      admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((topic) => ({
          type: ConfigResourceTypes.TOPIC,
          name: this.names(topic.name),
          configNames: Object.keys(topic.config),
        })),
      }),
    ]);
    return topics.flatMap((topic) => {
      const name = this.names(topic.name);
      const partitions = metadata.find((m) => m.name === name)?.partitions ?? [];
      const configs = resources.find((r) => r.resourceName === name)?.configEntries ?? [];
      const actual: Record<string, string> = {
        partitions: String(partitions.length),
        // The least replicated partition is what a broker loss puts at risk.
        replicas: String(Math.min(...partitions.map((p) => p.replicas.length))),
        ...Object.fromEntries(configs.map((entry) => [entry.configName, entry.configValue])),
      };
      const declared: Record<string, string> = {
        partitions: String(topic.partitions),
        replicas: String(topic.replicas),
        ...topic.config,
      };
      return Object.entries(declared)
        .filter(([setting, value]) => actual[setting] !== value)
        .map(([setting, value]) => ({
          topic: topic.name,
          setting,
          declared: value,
          actual: actual[setting] ?? 'unset',
        }));
    });
  }

  private async lagOf(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
    let lag = 0;
    for (const topic of topics) {
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      const committedByPartition = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
      for (const end of ends) {
        const done = committedByPartition.get(end.partition) ?? -1;
        lag += Number(end.high) - Math.max(done, Number(end.low));
      }
    }
    return lag;
  }
}
