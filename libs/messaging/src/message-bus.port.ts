/**
 * The project's own small port onto the broker, so the rest of the code never names kafkajs
 * (it has had no release for a long time; a compatible client may replace it one day).
 */
export type MessageHeaders = Record<string, string>;

/**
 * The broker's name of a topic or consumer group the code names (`admissions.jury.events`): the
 * deployment's namespace prefixes it so that deployments sharing a broker keep apart. The
 * adapters apply it, so everything above them (dead-letter topics included) uses the code's names.
 */
export type BrokerNames = (name: string) => string;

/** A deployment without a namespace: the broker's names are the code's (production). */
export const PLAIN_NAMES: BrokerNames = (name) => name;

export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: MessageHeaders;
}

export interface IncomingMessage extends OutgoingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** When the broker took it (the producer's time, milliseconds since the epoch). */
  readonly timestamp: number;
}

export interface MessagePublisher {
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

/** What a handler may do while it holds a message. */
export interface Delivery {
  /** Tells the group this member is alive during a long handling (a server awaited). */
  heartbeat(): Promise<void>;
}

export type MessageHandler = (message: IncomingMessage, delivery: Delivery) => Promise<void>;

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * The lane a message is handled in: messages of one lane one after another in their order, lanes
 * side by side. By default the message's key (its aggregate).
 */
export type LaneOf = (message: IncomingMessage) => string;

export interface MessageSubscriber {
  /** Offsets are committed only after the handler resolves for a message. */
  subscribe(
    groupId: string,
    topics: readonly string[],
    handler: MessageHandler,
    laneOf?: LaneOf,
  ): Promise<Subscription>;
}

/** A message and the topic it goes to. */
export interface AddressedMessage extends OutgoingMessage {
  readonly topic: string;
}

/** What a consume–transform–produce step makes of each batch it reads from one partition. */
export interface BatchStep {
  /** The messages a batch becomes, to any topics; they and the batch's offsets commit together or not at all. */
  transform(batch: readonly IncomingMessage[]): Promise<readonly AddressedMessage[]>;
  /** Once the transaction has committed; a crash may skip it, a failure is only logged. */
  committed?(batch: readonly IncomingMessage[], output: readonly AddressedMessage[]): Promise<void>;
  /**
   * A partition taken up (at start, after a rebalance) whose committed offset is `offset`: every
   * message before it is done, the last batch of a process that crashed included.
   */
  resumed?(topic: string, partition: number, offset: string): Promise<void>;
}

export interface TransactionalSubscriber {
  /**
   * Each batch's output and the group's offset past the batch commit in one transaction:
   * a subscriber reading read_committed sees a batch's output once, whatever crashes between.
   */
  subscribe(groupId: string, topics: readonly string[], step: BatchStep): Promise<Subscription>;
}

/** A topic as it is to be created: partitions, replication factor and the broker's topic configs. */
export interface TopicSettings {
  readonly name: string;
  readonly partitions: number;
  readonly replicas: number;
  /** e.g. `retention.ms`, `cleanup.policy`, `min.insync.replicas`. */
  readonly config: Readonly<Record<string, string>>;
}

/** A setting an existing topic holds otherwise than declared (`partitions`, `replicas` or a config). */
export interface TopicDrift {
  readonly topic: string;
  readonly setting: string;
  readonly declared: string;
  readonly actual: string;
}

export interface TopicAdmin {
  /** Creates the missing topics with default settings (tests, tools). */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Creates the missing topics as declared and tells how the existing ones differ, changing none. */
  applyTopics(topics: readonly TopicSettings[]): Promise<TopicDrift[]>;
  /** Brokers in the cluster: no topic can have more replicas. */
  brokerCount(): Promise<number>;
  /** Messages not yet consumed by a group, summed over partitions. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<number>;
  /** The offsets a topic holds, per partition; none when the topic does not exist. */
  heldOffsets(topic: string): Promise<HeldOffsets[]>;
}

/** A partition's first offset still kept (`low`) and the next one to be written (`high`). */
export interface HeldOffsets {
  readonly partition: number;
  readonly low: number;
  readonly high: number;
}
