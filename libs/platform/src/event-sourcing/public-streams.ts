import { ContractRegistry, type EventContract } from '@admissions/contracts';
import type { DomainEvent } from '@admissions/domain-kernel';
import type { ReceivedEvent } from '@admissions/messaging';
import { Logger } from '@nestjs/common';
import type { Db } from '../connections/mongo-database';
import type { EventSourcingMetrics } from './event-sourcing.metrics';
import type { EventSubscriptions } from './event-subscriptions';
import { PublicStreamStep } from './public-stream-step';
import { PublishedLedger } from './published-ledger';
import { eventTopicOf } from './topics';

/** A versioned integration stream other systems subscribe to, made from a service's own events. */
export interface PublicStream {
  /** The consumer group that publishes it, reading the service's own topic. */
  readonly groupId: string;
  readonly topic: string;
  /** The CloudEvents source of its messages. */
  readonly source: string;
  /** Its public events, each with its released schema (libs/contracts/released). */
  readonly contracts: readonly EventContract[];
  /** The internal event types it is made from. */
  readonly from: readonly string[];
  /** The public event an internal one becomes, or nothing. */
  readonly toPublic: (event: ReceivedEvent) => DomainEvent | undefined;
  /** The public event's ce_id: derived from the internal event's, so a redelivery is recognised. */
  readonly idOf: (internalEventId: string) => string;
}

/**
 * Publishes a service's public streams (docs/events.md), effectively once: each internal event of
 * the listed types becomes at most one public event, checked against its contract before it leaves
 * (one that breaks it is parked on the group's dead-letter topic, never published), written in a
 * Kafka transaction with the group's offsets, and skipped when it was published before.
 * Key: the internal stream id, so one aggregate's public events keep their order.
 */
export class PublicStreams {
  private readonly logger = new Logger('PublicStreams');

  constructor(
    private readonly service: string,
    private readonly subscriptions: EventSubscriptions,
    private readonly db: Db,
    /** The service's own events, whose contracts a source event must meet. */
    private readonly internal: ContractRegistry,
    private readonly metrics: EventSourcingMetrics,
    private readonly schemaBaseUrl: string,
  ) {}

  publish(stream: PublicStream): void {
    this.subscriptions.transform({
      groupId: stream.groupId,
      topics: [eventTopicOf(this.service)],
      step: new PublicStreamStep(
        stream,
        { internal: this.internal, public: new ContractRegistry(stream.contracts) },
        { source: stream.source, schemaBaseUrl: this.schemaBaseUrl },
        new PublishedLedger(this.db, stream.topic),
        {
          published: (type) => this.metrics.handled.inc({ group: stream.groupId, type }),
          deadLettered: (reason) => {
            this.metrics.deadLettered.inc({ group: stream.groupId });
            this.logger.error({ msg: 'public stream: message dead-lettered', group: stream.groupId, reason });
          },
        },
      ),
    });
  }
}
