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

export interface MessageSubscriber {
  /** Offsets are committed only after the handler resolves for a message. */
  subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<Subscription>;
}

export interface TopicAdmin {
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Messages not yet consumed by a group, summed over partitions. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<number>;
}
