import { DeadlineScheduler } from '@admissions/deadlines';
import type { Clock } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { CLOCK } from '@admissions/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type OfferClosedReason, type OfferFollowUp, type OfferReminderCommand, offerReminderDecider } from '../domain';
import { Notifier } from './notifier';
import { type Causation, SYSTEM_ACTOR } from './system-actor';

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
    private readonly runner: CommandRunner,
    private readonly scheduler: DeadlineScheduler,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.onDue<RemindData>(REMIND, (command, deadline) =>
      this.remind(command.data.offerId, { correlationId: randomUUID(), causationId: deadline.id }),
    );
  }

  async follow(followUp: OfferFollowUp, offerEventId: string, causation: Causation): Promise<void> {
    if (followUp.action === 'close') return this.close(followUp.offerId, followUp.reason, causation);
    const { offerId, personId, programmeCode, expiresAt } = followUp;
    const { state } = await this.run(
      offerId,
      {
        type: 'ScheduleOfferReminder',
        data: { offerId, recipientId: personId, programmeCode, expiresAt, offerEventId },
        metadata: this.metadata(),
      },
      causation,
    );
    // Scheduling again is harmless (same deadline id): a crash before it is repaired on redelivery.
    if (state.status === 'SCHEDULED') {
      await this.scheduler.schedule(offerReminderStream(offerId), new Date(state.remindAt), {
        type: REMIND,
        data: { offerId } satisfies RemindData,
      });
    }
  }

  private async close(offerId: string, reason: OfferClosedReason, causation: Causation): Promise<void> {
    await this.run(
      offerId,
      { type: 'CancelOfferReminder', data: { offerId, reason }, metadata: this.metadata() },
      causation,
    );
    await this.scheduler.cancel(offerReminderStream(offerId));
  }

  private async remind(offerId: string, causation: Causation): Promise<void> {
    const { state } = await this.run(
      offerId,
      { type: 'RemindOfOffer', data: {}, metadata: this.metadata() },
      causation,
    );
    if (state.status !== 'DUE') return;
    const { recipientId, programmeCode, expiresAt, offerEventId } = state;
    await this.notifier.request(
      {
        recipient: { personId: recipientId },
        content: { kind: 'OFFER_REMINDER', params: { programmeCode, expiresAt } },
      },
      { eventId: offerEventId, type: 'OfferMade' },
      causation,
    );
  }

  private run(offerId: string, command: OfferReminderCommand, causation: Causation) {
    return this.runner.run(offerReminderDecider, offerReminderStream(offerId), command, causation);
  }

  private metadata() {
    return { now: this.clock.now(), actor: SYSTEM_ACTOR };
  }
}
