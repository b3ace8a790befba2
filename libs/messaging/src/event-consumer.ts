import { fromCloudEventMessage, type ReceivedEvent } from './cloud-event';
import type { IncomingMessage, MessagePublisher, MessageSubscriber, Subscription } from './message-bus.port';

export type EventHandler = (event: ReceivedEvent) => Promise<void>;

/** Says why an event's payload breaks its contract, or nothing when it is valid. */
export type EventValidator = (event: ReceivedEvent) => string | undefined;

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  readonly validate?: EventValidator;
  readonly maxAttempts?: number;
  readonly backoffMs?: number;
  /** Runs the handling of one event inside its correlation context (for the logs). */
  readonly withCorrelation?: <T>(correlationId: string, fn: () => Promise<T>) => Promise<T>;
}

export interface ConsumerObserver {
  handled?(groupId: string, type: string): void;
  deadLettered?(groupId: string, reason: string): void;
}

export interface ConsumerLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

class PoisonMessage extends Error {}

export function deadLetterTopicOf(groupId: string): string {
  return `${groupId}.dlq`;
}

/**
 * A consumer group that hands each event to one handler. Handlers are idempotent (a redelivered
 * event changes nothing), so delivery can be at least once: the offset moves only after the
 * handler resolved. A failing event is retried with backoff, then parked on the group's
 * dead-letter topic with the error and its original headers, and the partition moves on.
 */
export class EventConsumer {
  private subscription?: Subscription;

  constructor(
    private readonly subscriber: MessageSubscriber,
    private readonly deadLetters: MessagePublisher,
    private readonly options: ConsumerOptions,
    private readonly logger: ConsumerLogger,
    private readonly observer: ConsumerObserver = {},
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.subscriber.subscribe(this.options.groupId, this.options.topics, (message) =>
      this.receive(message),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async receive(message: IncomingMessage): Promise<void> {
    let event: ReceivedEvent;
    try {
      event = this.parse(message);
    } catch (error) {
      return this.deadLetter(message, error, 1);
    }
    const run = () => this.handleWithRetries(message, event);
    return this.options.withCorrelation ? this.options.withCorrelation(event.metadata.correlationId, run) : run();
  }

  private parse(message: IncomingMessage): ReceivedEvent {
    const event = fromCloudEventMessage(message);
    const invalid = this.options.validate?.(event);
    if (invalid) throw new PoisonMessage(invalid);
    return event;
  }

  private async handleWithRetries(message: IncomingMessage, event: ReceivedEvent): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoffMs = this.options.backoffMs ?? 200;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.handler(event);
        this.observer.handled?.(this.options.groupId, event.type);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) return this.deadLetter(message, error, attempt);
        this.logger.warn('consumer: handler failed, retrying', {
          group: this.options.groupId,
          eventId: event.metadata.eventId,
          attempt,
          error: String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error('consumer: message dead-lettered', {
      group: this.options.groupId,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      reason,
    });
    await this.deadLetters.publish(deadLetterTopicOf(this.options.groupId), [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          dlq_error: reason,
          dlq_attempts: String(attempts),
          dlq_group: this.options.groupId,
          dlq_topic: message.topic,
          dlq_partition: String(message.partition),
          dlq_offset: message.offset,
        },
      },
    ]);
    this.observer.deadLettered?.(this.options.groupId, reason);
  }
}
