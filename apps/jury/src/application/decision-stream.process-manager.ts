import { KafkaPublisher, toCloudEventMessage, type ReceivedEvent } from '@admissions/messaging';
import { DECISIONS_TOPIC, EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DECISION_SOURCES, decisionIdOf, toDecision } from './decision-mapper';

export const DECISION_SOURCE = '/admissions/jury/decisions';

/**
 * Publishes the public decision stream `admissions.decisions.v1` from the jury's own topic: each
 * internal event that is a decision is mapped to its integration event and published with a
 * CloudEvents envelope whose ce_id is derived from the internal event's id, so a redelivery
 * publishes a message a subscriber recognises as already seen. Key: the programme's stream id
 * (the order of one programme's seats is kept) or the referral's.
 */
@Injectable()
export class DecisionStream implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly publisher: KafkaPublisher,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'jury.decision-stream',
      topics: [eventTopicOf('jury')],
      types: DECISION_SOURCES,
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const decision = toDecision(event);
    if (decision === undefined) return;
    // The internal position means nothing on the public stream.
    const { position: _position, ...metadata } = event.metadata;
    const message = toCloudEventMessage(
      {
        type: decision.type,
        data: decision.data,
        metadata: {
          ...metadata,
          eventId: decisionIdOf(event.metadata.eventId),
          causationId: event.metadata.eventId,
          schemaVersion: 1,
        },
      },
      DECISION_SOURCE,
    );
    await this.publisher.publish(DECISIONS_TOPIC, [message]);
  }
}
