import './kafkajs-idle-fix';
import type { Batch, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { DEFAULT_HEARTBEAT_MS, RETRIABLE_FOR_MS, type SubscriberOptions, TOPIC_PARTITIONS } from './kafka.adapter';
import { incomingOf } from './kafka-messages';
import { retryingRetriable } from './kafka-retries';
import {
  PLAIN_NAMES,
  type AddressedMessage,
  type BatchStep,
  type BrokerNames,
  type Subscription,
  type TransactionalSubscriber,
} from './message-bus.port';

const ALL_IN_SYNC_REPLICAS = -1;

export interface TransactionLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface TransactionalOptions extends SubscriberOptions {
  /** The first wait before a failed batch is tried again; it doubles up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long a subscription keeps retrying what the broker calls retriable while it starts. */
  readonly retryForMs?: number;
  /** How soon the group gives a silent member's partitions to others (kafkajs: 30 s). */
  readonly sessionTimeoutMs?: number;
}

/**
 * Consume–transform–produce in Kafka transactions (docs/events.md, Delivery): a batch's output and
 * the group's offset past the batch commit together, so a crash or a rebalance at any point
 * either commits both or neither, and the batch is read again only when nothing of it committed.
 *
 * The transactional.id is per input partition (`<group>.<topic>.<partition>`), not per instance:
 * whoever consumes a partition next — this process restarted, or another replica after a
 * rebalance — initialises the same id, which aborts what the former owner left open and fences it
 * (a paused replica that wakes up can no longer commit). An id per instance would fence only the
 * same instance restarted, and kafkajs sends TxnOffsetCommit without the consumer's generation
 * (v0–1, no KIP-447), so the broker cannot fence a former owner by group membership either.
 */
export class KafkaTransactionalSubscriber implements TransactionalSubscriber {
  constructor(
    private readonly kafka: Kafka,
    private readonly logger: TransactionLogger,
    private readonly names: BrokerNames = PLAIN_NAMES,
    private readonly options: TransactionalOptions = {},
  ) {}

  subscribe(groupId: string, topics: readonly string[], step: BatchStep): Promise<Subscription> {
    return retryingRetriable(async () => {
      const pipeline = new TransactionalPipeline(
        this.kafka,
        this.names(groupId),
        this.names,
        step,
        this.logger,
        this.options,
      );
      try {
        await pipeline.start(topics.map(this.names));
        return pipeline;
      } catch (error) {
        await pipeline.stop().catch(() => undefined);
        throw error;
      }
    }, this.options.retryForMs ?? RETRIABLE_FOR_MS);
  }
}

class TransactionalPipeline implements Subscription {
  private readonly consumer: Consumer;
  private readonly producers = new Map<string, Promise<Producer>>();
  /** Per partition taken up: its producer fenced the former owner, then its committed offset was read. */
  private readonly takenUp = new Map<string, Promise<bigint>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly names: BrokerNames,
    private readonly step: BatchStep,
    private readonly logger: TransactionLogger,
    private readonly options: TransactionalOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      allowAutoTopicCreation: false,
      ...(options.sessionTimeoutMs
        ? { sessionTimeout: options.sessionTimeoutMs, heartbeatInterval: 1000 }
        : { heartbeatInterval: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS }),
      retry: { restartOnFailure: async () => true },
    });
  }

  async start(topics: readonly string[]): Promise<void> {
    // After a rebalance another replica may have owned a partition in between: new producers
    // fence it again, and the offsets the consumer fetched may predate its last commit. Taken up
    // at once, not at the partition's next message: a transaction the former owner left open
    // holds back read_committed subscribers until it is aborted.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const key of [...this.producers.keys()]) this.dropProducer(key);
      for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
        for (const partition of partitions) this.takeUp(topic, partition).catch(() => undefined);
      }
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? TOPIC_PARTITIONS,
      eachBatch: (payload) => this.handle(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const producers = [...this.producers.values()];
    this.producers.clear();
    await Promise.allSettled(producers.map(async (producer) => (await producer).disconnect()));
  }

  /** Tries the batch until it commits, the partition is taken away, or the consumer stops. */
  private async handle({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const backoffMs = this.options.backoffMs ?? 200;
    const maxBackoffMs = this.options.maxBackoffMs ?? 5_000;
    for (let attempt = 1; isRunning() && !isStale(); attempt += 1) {
      try {
        if (await this.committedElsewhere(batch)) return;
        await this.commit(batch);
        resolveOffset(batch.lastOffset());
        return;
      } catch (error) {
        // A fresh producer next time: its initialisation aborts whatever this one left open.
        this.dropProducer(keyOf(batch.topic, batch.partition));
        this.logger.warn('transactional consumer: batch not committed, trying again', {
          group: this.groupId,
          topic: batch.topic,
          partition: batch.partition,
          offset: batch.firstOffset(),
          attempt,
          error: String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1))));
        await heartbeat().catch(() => undefined);
      }
    }
  }

  private async commit(batch: Batch): Promise<void> {
    const { topic, partition } = batch;
    const messages = batch.messages.map((message) => incomingOf(topic, partition, message));
    const output = await this.step.transform(messages);
    const transaction = await (await this.producerFor(topic, partition)).transaction();
    try {
      if (output.length > 0)
        await transaction.sendBatch({ acks: ALL_IN_SYNC_REPLICAS, topicMessages: byTopic(output, this.names) });
      await transaction.sendOffsets({
        consumerGroupId: this.groupId,
        topics: [{ topic, partitions: [{ partition, offset: nextOffset(batch.lastOffset()) }] }],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      throw error;
    }
    await this.step.committed?.(messages, output).catch((error: unknown) =>
      this.logger.warn('transactional consumer: after-commit step failed', {
        group: this.groupId,
        error: String(error),
      }),
    );
  }

  /** Committed past this batch's start by a former owner (or by an attempt whose answer was lost): seek past it. */
  private async committedElsewhere(batch: Batch): Promise<boolean> {
    const { topic, partition } = batch;
    const committed = await this.takeUp(topic, partition);
    if (committed <= BigInt(batch.messages[0]?.offset ?? batch.firstOffset() ?? '0')) return false;
    this.consumer.seek({ topic, partition, offset: committed.toString() });
    return true;
  }

  /**
   * Once per producer of a partition (after a join, or a producer replaced after a failure whose
   * commit may yet have gone through): its initialisation fences the former owner and waits for
   * that owner's transaction to end; only then is the committed offset read.
   */
  private takeUp(topic: string, partition: number): Promise<bigint> {
    const key = keyOf(topic, partition);
    let committed = this.takenUp.get(key);
    if (!committed) {
      const reading = this.fenceAndRead(topic, partition);
      committed = reading;
      this.takenUp.set(key, reading);
      // A failed take-up is tried again by the partition's next attempt.
      reading.catch(() => {
        if (this.takenUp.get(key) === reading) this.takenUp.delete(key);
      });
    }
    return committed;
  }

  private async fenceAndRead(topic: string, partition: number): Promise<bigint> {
    // An empty transaction initialises the producer id and sends nothing else.
    await (await (await this.producerFor(topic, partition)).transaction()).abort();
    const [offsets] = await this.committedOffsets(topic);
    const committed = offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    if (BigInt(committed) >= 0n) await this.step.resumed?.(topic, partition, committed);
    return BigInt(committed);
  }

  /** A client of its own each time: a take-up is rare, and a kafkajs admin may not recover from a broker away. */
  private async committedOffsets(topic: string) {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await admin.fetchOffsets({ groupId: this.groupId, topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  }

  /** Connected on first use; a failed connection is dropped with the batch's failure. */
  private producerFor(topic: string, partition: number): Promise<Producer> {
    const key = keyOf(topic, partition);
    let producer = this.producers.get(key);
    if (!producer) {
      const created = this.kafka.producer({
        transactionalId: `${this.groupId}.${key}`,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      producer = created.connect().then(() => created);
      this.producers.set(key, producer);
    }
    return producer;
  }

  private dropProducer(key: string): void {
    const producer = this.producers.get(key);
    this.producers.delete(key);
    this.takenUp.delete(key);
    void producer?.then((p) => p.disconnect()).catch(() => undefined);
  }
}

function keyOf(topic: string, partition: number): string {
  return `${topic}.${partition}`;
}

function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

function byTopic(messages: readonly AddressedMessage[], names: BrokerNames) {
  const topics = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const { topic, key, value, headers } of messages) {
    const list = topics.get(names(topic)) ?? [];
    list.push({ key, value, headers });
    topics.set(names(topic), list);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}
