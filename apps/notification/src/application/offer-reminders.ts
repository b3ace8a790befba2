import { DeadlineScheduler } from '@admissions/deadlines';
import { type CommandHints, CommandGateway, type CommandOrigin, type Intent } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type OfferClosedReason, type OfferFollowUp, type OfferReminderCommand, offerReminderDecider } from '../domain';
import { Notifier } from './notifier';

const REMIND = 'RemindOfOffer';
export const offerReminderStream = (offerId: string) => `offer-reminder-${offerId}`;

interface RemindData {
  readonly offerId: string;
}

/**
 * JURY-4: a reminder two days before an offer expires, as a durable BullMQ deadline
 * (libs/deadlines). Taking up, declining or losing the offer cancels it; a reminder that falls
 * due on a closed offer is ignored by the decider.
 */
@Injectable()
export class OfferReminders implements OnModuleInit {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly scheduler: DeadlineScheduler,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.scheduler.onDue<RemindData>(REMIND, (command, deadline) =>
      this.remind(command.data.offerId, this.gateway.causedBy(deadline.id)),
    );
  }

  async follow(followUp: OfferFollowUp, offerEventId: string, origin: CommandOrigin): Promise<void> {
    if (followUp.action === 'close') return this.close(followUp.offerId, followUp.reason, origin);
    const { offerId, personId, programmeCode, expiresAt } = followUp;
    const { state } = await this.run(
      offerId,
      {
        type: 'ScheduleOfferReminder',
        data: { offerId, recipientId: personId, programmeCode, expiresAt, offerEventId },
      },
      origin,
      // An offer is followed once: its reminder's stream is new unless the offer is redelivered.
      { expectNew: true },
    );
    // Scheduling again is harmless (same deadline id): a crash before it is repaired on redelivery.
    if (state.status === 'SCHEDULED') {
      await this.scheduler.schedule(offerReminderStream(offerId), new Date(state.remindAt), {
        type: REMIND,
        data: { offerId } satisfies RemindData,
      });
    }
  }

  private async close(offerId: string, reason: OfferClosedReason, origin: CommandOrigin): Promise<void> {
    await this.run(offerId, { type: 'CancelOfferReminder', data: { offerId, reason } }, origin);
    await this.scheduler.cancel(offerReminderStream(offerId));
  }

  private async remind(offerId: string, origin: CommandOrigin): Promise<void> {
    const { state } = await this.run(offerId, { type: 'RemindOfOffer', data: {} }, origin);
    if (state.status !== 'DUE') return;
    const { recipientId, programmeCode, expiresAt, offerEventId } = state;
    await this.notifier.request(
      {
        recipient: { personId: recipientId },
        content: { kind: 'OFFER_REMINDER', params: { programmeCode, expiresAt } },
      },
      { eventId: offerEventId, type: 'OfferMade' },
      origin,
    );
  }

  private run(offerId: string, intent: Intent<OfferReminderCommand>, origin: CommandOrigin, hints?: CommandHints) {
    return this.gateway.handle(offerReminderDecider, offerReminderStream(offerId), intent, origin, hints);
  }
}
