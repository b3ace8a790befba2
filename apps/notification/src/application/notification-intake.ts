import { settleAll } from '@admissions/domain-kernel';
import type { ReceivedEvent } from '@admissions/messaging';
import { CommandGateway, EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CONSUMED, type ConsumedEvent, intakeOf, type SourceService } from '../domain';
import { Notifier } from './notifier';
import { OfferReminders } from './offer-reminders';
import { RecipientDirectory } from './recipient-directory';

/**
 * The jury's events come on a programme's stream, but each the notification takes concerns one
 * candidate: a programme's candidates need not wait for each other (a jury's decisions reach
 * their inboxes side by side), while one candidate's events keep their order.
 */
const candidateOf = (data: Readonly<Record<string, unknown>>) =>
  typeof data.candidateId === 'string' ? data.candidateId : undefined;

/**
 * The process manager: the other services' events become contact details, owed messages and
 * offer reminders. One consumer group per source topic (`notification.<source>`); each write
 * carries the incoming event as causation, so a redelivered event changes nothing.
 */
@Injectable()
export class NotificationIntake implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly gateway: CommandGateway,
    private readonly directory: RecipientDirectory,
    private readonly notifier: Notifier,
    private readonly offers: OfferReminders,
  ) {}

  onModuleInit(): void {
    for (const source of Object.keys(CONSUMED) as SourceService[]) {
      this.subscriptions.subscribe({
        groupId: `notification.${source}`,
        topics: [eventTopicOf(source)],
        types: CONSUMED[source],
        handler: (event) => this.on(event),
        ...(source === 'jury' ? { orderedWithin: candidateOf } : {}),
      });
    }
  }

  async on(event: ReceivedEvent): Promise<void> {
    // The subscription passes only the listed types, after their contracts validated the data.
    const intake = intakeOf({ type: event.type, data: event.data } as ConsumedEvent);
    const cause = this.gateway.causedBy(event.metadata.eventId);
    for (const { candidacyId, personId } of intake.links) await this.directory.link(candidacyId, personId, cause);
    for (const contact of intake.contacts) await this.directory.recordContact(contact, cause);
    // The messages and the offer's reminder need the links and contacts above, not each other:
    // written side by side, an offer's message and its reminder take the round trips of one.
    const source = { eventId: event.metadata.eventId, type: event.type };
    await settleAll<unknown>([
      ...intake.messages.map((owed) => this.notifier.request(owed, source, cause)),
      ...(intake.offer ? [this.offers.follow(intake.offer, event.metadata.eventId, cause)] : []),
    ]);
  }
}
