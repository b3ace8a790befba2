import { type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type {
  IncomingMessage,
  MessageHandler,
  MessageHeaders,
  MessagePublisher,
  MessageSubscriber,
  OutgoingMessage,
  Subscription,
  TopicAdmin,
} from './message-bus.port';

const ALL_IN_SYNC_REPLICAS = -1;

export class KafkaPublisher implements MessagePublisher {
  private producer: Producer;
  private connected?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    /** A send not acknowledged by then fails; the producer is replaced (a broker frozen mid-handshake never answers). */
    private readonly timeoutMs = 30_000,
  ) {
    this.producer = this.newProducer();
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Kafka did not acknowledge within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      await Promise.race([this.send(topic, messages), timeout]);
    } catch (error) {
      this.replaceProducer();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }

  private async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
    await this.producer.send({
      topic,
      acks: ALL_IN_SYNC_REPLICAS,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
    });
  }

  /** A failed connect or send is not retried on the same client: the next publish starts afresh. */
  private replaceProducer(): void {
    const stale = this.producer;
    this.producer = this.newProducer();
    this.connected = undefined;
    void stale.disconnect().catch(() => undefined);
  }

  private newProducer(): Producer {
    // Idempotent producer: a retried batch is written once and in order per partition.
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
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
  constructor(private readonly kafka: Kafka) {}

  async subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<Subscription> {
    const consumer: Consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: true });
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8') ?? '',
          headers: headersOf(message.headers),
        };
        await handler(incoming);
      },
    });
    return { stop: () => consumer.disconnect() };
  }
}

export class KafkaTopicAdmin implements TopicAdmin {
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly partitions = 3,
    private readonly replicationFactor = 1,
  ) {}

  private connect(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const admin = await this.connect();
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

  async consumerLag(groupId: string, topics: readonly string[]): Promise<number> {
    const admin = await this.connect();
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

  async close(): Promise<void> {
    if (this.admin) await (await this.admin).disconnect();
  }
}
