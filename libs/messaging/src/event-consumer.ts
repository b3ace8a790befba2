import { fromCloudEventMessage, type ReceivedEvent } from './cloud-event';
import { deadLetterTopicOf, toDeadLetter } from './dead-letter';
import type {
  Delivery,
  IncomingMessage,
  LaneOf,
  MessagePublisher,
  MessageSubscriber,
  Subscription,
} from './message-bus.port';

export type EventHandler = (event: ReceivedEvent) => Promise<void>;

/** Says why an event's payload breaks its contract, or nothing when it is valid. */
export type EventValidator = (event: ReceivedEvent) => string | undefined;

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  readonly validate?: EventValidator;
  /** Turns the event as carried (personal data sealed) into what validate and the handler see. */
  readonly open?: (event: ReceivedEvent) => Promise<ReceivedEvent>;
  readonly maxAttempts?: number;
  readonly backoffMs?: number;
  /** Runs the handling of one event inside its correlation context (for the logs). */
  readonly withCorrelation?: <T>(correlationId: string, fn: () => Promise<T>) => Promise<T>;
  /**
   * Errors that say a server is away rather than that the event cannot be handled: retried for
   * as long as it takes (the partition waits), never dead-lettered.
   */
  readonly isTransient?: (error: unknown) => boolean;
  /** The longest wait between two tries of a transient failure. */
  readonly maxBackoffMs?: number;
  /** The lanes events are handled in (by default one per key, i.e. per aggregate). */
  readonly laneOf?: LaneOf;
}

export interface ConsumerObserver {
  /** `seconds`: the handler's time for this event, retries included. */
  handled?(groupId: string, type: string, seconds: number): void;
  deadLettered?(groupId: string, reason: string): void;
}

export interface ConsumerLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

class PoisonMessage extends Error {}

/** The consumer stops while an event waits for a server: its offset stays, it comes back later. */
class StoppedWhileWaiting extends Error {}

/**
 * A consumer group that hands each event to one handler. Handlers are idempotent (a redelivered
 * event changes nothing), so delivery can be at least once: the offset moves only after the
 * handler resolved. A failing event is retried with backoff, then parked on the group's
 * dead-letter topic with the error and its original headers, and the partition moves on — unless
 * the failure is transient (a server away): then it is retried until it passes.
 */
export class EventConsumer {
  private subscription?: Subscription;
  private stopping = false;

  constructor(
    private readonly subscriber: MessageSubscriber,
    private readonly deadLetters: MessagePublisher,
    private readonly options: ConsumerOptions,
    private readonly logger: ConsumerLogger,
    private readonly observer: ConsumerObserver = {},
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    this.subscription = await this.subscriber.subscribe(
      this.options.groupId,
      this.options.topics,
      (message, delivery) => this.receive(message, delivery),
      this.options.laneOf,
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async receive(message: IncomingMessage, delivery: Delivery): Promise<void> {
    let event: ReceivedEvent;
    try {
      event = this.parse(message);
    } catch (error) {
      return this.deadLetter(message, error, 1);
    }
    const run = () => this.handleWithRetries(message, event, delivery);
    return this.options.withCorrelation ? this.options.withCorrelation(event.metadata.correlationId, run) : run();
  }

  private parse(message: IncomingMessage): ReceivedEvent {
    const event = fromCloudEventMessage(message);
    if (this.options.open) return event; // validated once opened, in handleWithRetries
    return this.validated(event);
  }

  private validated(event: ReceivedEvent): ReceivedEvent {
    const invalid = this.options.validate?.(event);
    if (invalid) throw new PoisonMessage(invalid);
    return event;
  }

  /** Opening may wait for a server (the key store): it is retried as the handler is. */
  private async opened(event: ReceivedEvent): Promise<ReceivedEvent> {
    return this.options.open ? this.validated(await this.options.open(event)) : event;
  }

  private async handleWithRetries(message: IncomingMessage, event: ReceivedEvent, delivery: Delivery): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoffMs = this.options.backoffMs ?? 200;
    const maxBackoffMs = this.options.maxBackoffMs ?? 5_000;
    let failures = 0;
    const started = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.handler(await this.opened(event));
        this.observer.handled?.(this.options.groupId, event.type, (performance.now() - started) / 1000);
        return;
      } catch (error) {
        if (error instanceof PoisonMessage) return this.deadLetter(message, error, attempt);
        const transient = this.options.isTransient?.(error) ?? false;
        // A transient failure does not count towards the attempts: the event is not at fault.
        if (!transient) failures += 1;
        if (!transient && failures >= maxAttempts) return this.deadLetter(message, error, attempt);
        if (this.stopping) throw new StoppedWhileWaiting(`consumer stopped while retrying: ${String(error)}`);
        this.logger.warn(transient ? 'consumer: a server is away, waiting' : 'consumer: handler failed, retrying', {
          group: this.options.groupId,
          eventId: event.metadata.eventId,
          attempt,
          error: String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1))));
        await delivery.heartbeat().catch(() => undefined);
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
      toDeadLetter(message, this.options.groupId, reason, attempts),
    ]);
    this.observer.deadLettered?.(this.options.groupId, reason);
  }
}
