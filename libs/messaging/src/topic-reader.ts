import { randomUUID } from 'node:crypto';
import { type Kafka } from 'kafkajs';
import { incomingOf } from './kafka-messages';
import { PLAIN_NAMES, type BrokerNames, type IncomingMessage } from './message-bus.port';

/** The topic is not on the broker: nothing to read, and no reason to wait for it. */
export class UnknownTopicError extends Error {
  override readonly name = 'UnknownTopicError';
}

/** Where a read stands: offsets passed over the whole topic, out of those it held when the read began. */
export interface ReadProgress {
  readonly read: number;
  readonly total: number;
}

export interface TopicReadOptions {
  readonly onMessage: (message: IncomingMessage) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Ends the read with the signal's reason (a deadline): the throwaway consumer leaves at once. */
  readonly signal?: AbortSignal;
}

const RESTARTS_FOR_MS = 60_000;

interface PartitionRange {
  readonly low: number;
  /** The first offset after the snapshot (the last stable offset: read_committed). */
  readonly end: number;
  /** The position: every offset before it is passed (messages, markers, aborted messages). */
  next: number;
  /** The first offset not yet handed over: a consumer restarted reads from the beginning again. */
  undelivered: number;
}

/**
 * Reads a topic from its beginning to where it ended when the read began, then stops: a snapshot
 * for a batch job (an analyst's export), not a subscription. The end offsets are fetched first
 * (read_committed: the last stable offset), and a partition is done once its position passes its
 * end, whether the last offsets were messages or a transaction's markers, which never show as
 * messages. The consumer group is a throwaway one that commits nothing.
 */
export class KafkaTopicReader {
  constructor(
    private readonly kafka: Kafka,
    private readonly names: BrokerNames = PLAIN_NAMES,
  ) {}

  async readToEnd(topic: string, options: TopicReadOptions): Promise<ReadProgress> {
    options.signal?.throwIfAborted();
    const name = this.names(topic);
    const ranges = await this.snapshotOf(name);
    const total = [...ranges.values()].reduce((sum, r) => sum + (r.end - r.low), 0);
    const progress = (): ReadProgress => ({
      read: [...ranges.values()].reduce((sum, r) => sum + (r.next - r.low), 0),
      total,
    });
    options.onProgress?.(progress());
    if (total > 0) await this.consume(name, ranges, options, progress);
    return progress();
  }

  private async snapshotOf(name: string): Promise<Map<number, PartitionRange>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(name)) throw new UnknownTopicError(`topic ${name} does not exist`);
      const offsets = await admin.fetchTopicOffsets(name);
      return new Map(
        offsets.map((o) => {
          const low = Number(o.low);
          return [o.partition, { low, end: Number(o.high), next: low, undelivered: low }];
        }),
      );
    } finally {
      await admin.disconnect();
    }
  }

  private async consume(
    name: string,
    ranges: Map<number, PartitionRange>,
    options: TopicReadOptions,
    progress: () => ReadProgress,
  ): Promise<void> {
    const giveUpRestartsAt = Date.now() + RESTARTS_FOR_MS;
    const consumer = this.kafka.consumer({
      groupId: this.names(`topic-reader.${randomUUID()}`),
      allowAutoTopicCreation: false,
      // What the broker calls retriable (a coordinator still loading on a young broker) restarts
      // the consumer for a while; anything else ends the read with its error.
      retry: { restartOnFailure: async () => Date.now() < giveUpRestartsAt },
    });
    const pending = new Set([...ranges].filter(([, r]) => r.next < r.end).map(([partition]) => partition));
    let finish!: () => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    // A crash or an abort may come while the consumer still connects: awaited below, not unhandled.
    void done.catch(() => undefined);
    // Every fetched batch ends here, those that held only transaction markers or aborted messages
    // too (eachBatch never sees them): the position is taken from this event.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const range = ranges.get(payload.partition);
      if (!range || payload.lastOffset === null) return;
      range.next = Math.min(range.end, Math.max(range.next, Number(payload.lastOffset) + 1));
      options.onProgress?.(progress());
      if (range.next < range.end || !pending.delete(payload.partition)) return;
      consumer.pause([{ topic: name, partitions: [payload.partition] }]);
      if (pending.size === 0) finish();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) fail(payload.error);
    });
    const abort = () => fail(options.signal?.reason);
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [name], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = ranges.get(batch.partition);
          for (const message of batch.messages) {
            // Written after the snapshot began: the next export's.
            const offset = Number(message.offset);
            if (!range || offset >= range.end) break;
            if (offset < range.undelivered) continue;
            range.undelivered = offset + 1;
            options.onMessage(incomingOf(batch.topic, batch.partition, message));
          }
        },
      });
      await done;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      await consumer.disconnect();
    }
  }
}
