import { domainEventOf, EventStore, LogReactions, stateFrom, type StoredEvent } from '@admissions/event-store';
import { CommandGateway, runWithCorrelation } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  notificationDecider,
  type NotificationFailed,
  recipientDecider,
  type RecipientContactRecorded,
  type RecipientEvent,
} from '../domain';
import { NO_ADDRESS } from './notification-delivery';
import { Notifier } from './notifier';
import { RecipientDirectory, recipientStream } from './recipient-directory';

type Arrival = StoredEvent<RecipientContactRecorded> | StoredEvent<NotificationFailed>;

interface Waiting {
  readonly notificationId: string;
  /** For a failure: the round it failed, the one to send again. */
  readonly round?: number;
}

/**
 * A notification that failed for want of an address goes out by itself once the person's contact
 * is recorded. The delivery marks it as waiting on the recipient's stream before it fails it: the
 * contact that makes the person known finds it there. Its failure may be logged after that contact
 * was handled (the notification was still being sent then, so it was not failed yet): the
 * failure, once logged, finds the contact and sends it. Sending again is staff's retry, run by
 * the service, of a notification still failed: a round handled again changes nothing, and a
 * notification retried or sent since is left alone. An erased person is never reached.
 */
@Injectable()
export class ContactArrival implements OnModuleInit {
  constructor(
    private readonly reactions: LogReactions,
    private readonly store: EventStore,
    private readonly directory: RecipientDirectory,
    private readonly gateway: CommandGateway,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.reactions.add({
      name: 'contact-arrival',
      types: ['RecipientContactRecorded', 'NotificationFailed'],
      handle: async (events) => {
        for (const event of events) await this.resume(event as Arrival);
      },
    });
  }

  private async resume(event: Arrival): Promise<void> {
    if (event.type === 'NotificationFailed' && event.data.error !== NO_ADDRESS) return;
    if (!(await this.directory.recipient(event.data.recipientId))) return;
    const origin = this.gateway.causedBy(event.metadata.eventId);
    await runWithCorrelation(event.metadata.correlationId, async () => {
      for (const { notificationId, round } of await this.waitingOn(event)) {
        const { events } = await this.store.readStream(notificationId);
        const state = stateFrom(notificationDecider, events);
        if (state.status !== 'FAILED' || (round !== undefined && state.round !== round)) continue;
        await this.notifier.retry(notificationId, origin);
      }
    });
  }

  private async waitingOn(event: Arrival): Promise<readonly Waiting[]> {
    const { events } = await this.store.readStream(recipientStream(event.data.recipientId));
    if (event.type === 'RecipientContactRecorded') {
      // Only the contact that made the person known finds notifications waiting.
      const before = stateFrom(
        recipientDecider,
        events.filter(({ metadata }) => metadata.version < event.metadata.version),
      );
      return before.status === 'UNKNOWN' ? before.awaiting.map((notificationId) => ({ notificationId })) : [];
    }
    const { notificationId, round } = event.data;
    const marked = events
      .map((stored) => domainEventOf<RecipientEvent>(stored))
      .some(({ type, data }) => type === 'NotificationAwaitingContact' && data.notificationId === notificationId);
    return marked ? [{ notificationId, round }] : [];
  }
}
