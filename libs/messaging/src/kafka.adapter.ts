import './kafkajs-idle-fix';
import { type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import {
  PLAIN_NAMES,
  type BrokerNames,
  type IncomingMessage,
  type MessageHandler,
  type MessageHeaders,
  type MessagePublisher,
  type MessageSubscriber,
  type OutgoingMessage,
  type Subscription,
  type TopicAdmin,
} from './message-bus.port';

const ALL_IN_SYNC_REPLICAS = -1;

/** The broker did not answer in time: a retriable condition, not a refusal. */
export class BrokerUnavailableError extends Error {
  override readonly name = 'BrokerUnavailableError';
}

/** Partitions of the topics the services create; the aggregate id is the key, so order holds per aggregate. */
const TOPIC_PARTITIONS = 3;

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
  ) {
    // Idempotent producer: a retried batch is written once and in order per partition.
    this.producer = new FreshAfterFailure(() =>
      kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true }),
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

function headersOf(raw: Record<string, unknown> | undefined): MessageHeaders {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return headers;
}

export class KafkaSubscriber implements MessageSubscriber {
  constructor(
    private readonly kafka: Kafka,
    private readonly names: BrokerNames = PLAIN_NAMES,
    /** How long a subscription keeps retrying what the broker calls retriable (a topic just created, a group loading). */
    private readonly retryForMs = 120_000,
  ) {}

  /**
   * A topic created a moment ago may be missing from the broker's metadata (UNKNOWN_TOPIC_OR_PARTITION),
   * a coordinator may still be loading: such errors are retried with backoff, on a fresh consumer.
   */
  subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<Subscription> {
    return retryingRetriable(async () => {
      const consumer = this.consumerFor(this.names(groupId));
      try {
        await this.start(consumer, topics.map(this.names), handler);
        return { stop: () => consumer.disconnect() };
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
    }, this.retryForMs);
  }

  private consumerFor(groupId: string): Consumer {
    // kafkajs restarts a crashed consumer only after retriable errors; a broker away for long
    // ends in a non-retriable one, and the group would stay silent for good.
    return this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: true,
      retry: { restartOnFailure: async () => true },
    });
  }

  private async start(consumer: Consumer, topics: readonly string[], handler: MessageHandler): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // Order is only promised per key (aggregate), so partitions need not wait for each other:
      // one slow handler, or a backlog on one partition, no longer holds the other partitions back.
      partitionsConsumedConcurrently: TOPIC_PARTITIONS,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8') ?? '',
          headers: headersOf(message.headers),
        };
        await handler(incoming, { heartbeat });
      },
    });
  }
}

/** Runs `work` again, with backoff, while it fails with a retriable error and `forMs` has not passed. */
async function retryingRetriable<T>(work: () => Promise<T>, forMs: number): Promise<T> {
  const giveUpAt = Date.now() + forMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** (attempt - 1))));
    }
  }
}

/** kafkajs marks the errors worth trying again; its own retries give up with one of them as the cause. */
function isRetriable(error: unknown): boolean {
  const { retriable, name, cause } = (error ?? {}) as { retriable?: boolean; name?: string; cause?: unknown };
  if (retriable === true || name === 'KafkaJSConnectionError' || name === 'KafkaJSRequestTimeoutError') return true;
  return name === 'KafkaJSNumberOfRetriesExceeded' && cause !== undefined ? isRetriable(cause) : false;
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
  ensureTopics(topics: readonly string[]): Promise<void> {
    const named = topics.map(this.names);
    return retryingRetriable(() => this.admin.use((admin) => this.createMissing(admin, named)), 120_000);
  }

  consumerLag(groupId: string, topics: readonly string[]): Promise<number> {
    return this.admin.use((admin) => this.lagOf(admin, this.names(groupId), topics.map(this.names)));
  }

  close(): Promise<void> {
    return this.admin.close();
  }

  private async createMissing(admin: Admin, topics: readonly string[]): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: this.partitions,
        replicationFactor: this.replicationFactor,
      })),
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
