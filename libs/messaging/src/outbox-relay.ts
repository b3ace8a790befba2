import {
  LogCheckpoints,
  SOLE_INSTANCE,
  type EventStore,
  type Leadership,
  type LogCursor,
  type LogReader,
  type StoredEvent,
} from '@admissions/event-store';
import type { mongo } from 'mongoose';
import { toCloudEventMessage, type EventOrigin } from './cloud-event';
import type { MessagePublisher } from './message-bus.port';

export interface RelayOptions extends EventOrigin {
  readonly topic: string;
  /** Events published per round (whole log batches, so a round may take a little more). */
  readonly batchSize?: number;
}

export interface RelayObserver {
  published?(count: number, oldestCommittedAt: Date): void;
}

/**
 * Publishes the event log to Kafka: reads the batches after its checkpoint (by _id), sends them
 * with the idempotent producer and moves the checkpoint only after the broker acknowledged, and
 * only while its lease is current (a holder paused past its lease moves nothing). A crash or a
 * broker outage therefore delays events but loses none; a redelivery is possible, and consumers
 * are idempotent.
 */
export class OutboxRelay implements LogReader {
  readonly name = 'outbox relay';
  private readonly checkpoints: LogCheckpoints;
  private checkpoint?: LogCursor;

  constructor(
    private readonly store: EventStore,
    db: mongo.Db,
    private readonly publisher: MessagePublisher,
    private readonly options: RelayOptions,
    private readonly leadership: Leadership = SOLE_INSTANCE,
    private readonly observer: RelayObserver = {},
  ) {
    this.checkpoints = new LogCheckpoints(db, 'es_relay_checkpoints', leadership);
  }

  /** Another instance may have moved the checkpoint while this one did not lead: read it again. */
  leadershipGained(): void {
    this.checkpoint = undefined;
  }

  step(): Promise<number> {
    return this.relayOnce();
  }

  /** One round; returns how many events were published. */
  async relayOnce(): Promise<number> {
    if (!this.leadership.held) return 0;
    const from = (this.checkpoint ??= await this.checkpoints.load(this.options.topic));
    const { events, reached } = await this.store.readLog(from, this.options.batchSize ?? 1000);
    if (events.length === 0) return 0;
    await this.publish(events);
    if (!(await this.checkpoints.save(this.options.topic, reached))) {
      this.checkpoint = undefined;
      return 0;
    }
    this.checkpoint = reached;
    this.observer.published?.(events.length, new Date(events[0].metadata.occurredAt));
    return events.length;
  }

  private async publish(events: readonly StoredEvent[]): Promise<void> {
    await this.publisher.publish(
      this.options.topic,
      events.map((event) => toCloudEventMessage(event, this.options)),
    );
  }

  /** Commits not yet logged (the outbox is a queue of what is in flight) plus events logged but not yet acknowledged. */
  async backlog(): Promise<number> {
    const from = this.checkpoint ?? (await this.checkpoints.load(this.options.topic));
    const [queued, head] = await Promise.all([this.store.outbox.countDocuments({}), this.store.logHead(from)]);
    return queued + head.position - from.position;
  }
}
