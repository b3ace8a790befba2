import { type Command, type Decider, type DomainEvent, assertNever } from '@admissions/domain-kernel';

/** JURY-4: the reminder goes this long before the offer expires. */
export const REMINDER_BEFORE_EXPIRY_MS = 2 * 24 * 60 * 60 * 1000;

/** Two days before the offer's last moment (25 March 23:59:59.999 -> 23 March 23:59:59.999 Paris). */
export function reminderDueAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - REMINDER_BEFORE_EXPIRY_MS);
}

export interface OfferRef {
  readonly offerId: string;
  readonly recipientId: string;
  readonly programmeCode: string;
  readonly expiresAt: string;
  /** The OfferMade event: the reminder's notification id derives from it. */
  readonly offerEventId: string;
}

export type OfferReminderScheduled = DomainEvent<
  'OfferReminderScheduled',
  OfferRef & { readonly remindAt: string; readonly scheduledAt: string }
>;
export type OfferReminderDue = DomainEvent<'OfferReminderDue', { readonly offerId: string; readonly dueAt: string }>;
/** The offer was taken up, declined or expired: no reminder any more. */
export type OfferReminderCancelled = DomainEvent<
  'OfferReminderCancelled',
  { readonly offerId: string; readonly reason: OfferClosedReason; readonly cancelledAt: string }
>;
export type OfferReminderEvent = OfferReminderScheduled | OfferReminderDue | OfferReminderCancelled;

export type OfferClosedReason = 'ENROLLED' | 'DECLINED' | 'EXPIRED';

export type ScheduleOfferReminder = Command<'ScheduleOfferReminder', OfferRef>;
export type RemindOfOffer = Command<'RemindOfOffer', Record<string, never>>;
export type CancelOfferReminder = Command<
  'CancelOfferReminder',
  { readonly offerId: string; readonly reason: OfferClosedReason }
>;
export type OfferReminderCommand = ScheduleOfferReminder | RemindOfOffer | CancelOfferReminder;

export type OfferReminderState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'SCHEDULED' | 'DUE'; readonly remindAt: string } & OfferRef)
  | { readonly status: 'CANCELLED' };

/**
 * Stream `offer-reminder-<offerId>`. A closed offer is never reminded of, even if its OfferMade
 * is delivered again afterwards; a reminder that no longer applies is ignored when it falls due.
 */
export const offerReminderDecider: Decider<OfferReminderCommand, OfferReminderEvent, OfferReminderState> = {
  initialState: () => ({ status: 'NONE' }),
  decide: (command, state) => {
    const at = command.metadata.now.toISOString();
    switch (command.type) {
      case 'ScheduleOfferReminder': {
        if (state.status !== 'NONE') return [];
        const remindAt = reminderDueAt(new Date(command.data.expiresAt)).toISOString();
        return [{ type: 'OfferReminderScheduled', data: { ...command.data, remindAt, scheduledAt: at } }];
      }
      case 'RemindOfOffer':
        if (state.status !== 'SCHEDULED') return [];
        // Too late to remind: the offer's window is over (its expiry will be told instead).
        if (new Date(state.expiresAt).getTime() <= command.metadata.now.getTime()) return [];
        return [{ type: 'OfferReminderDue', data: { offerId: state.offerId, dueAt: at } }];
      case 'CancelOfferReminder':
        if (state.status === 'CANCELLED') return [];
        return [
          {
            type: 'OfferReminderCancelled',
            data: { offerId: command.data.offerId, reason: command.data.reason, cancelledAt: at },
          },
        ];
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'OfferReminderScheduled': {
        const { offerId, recipientId, programmeCode, expiresAt, offerEventId, remindAt } = event.data;
        return { status: 'SCHEDULED', offerId, recipientId, programmeCode, expiresAt, offerEventId, remindAt };
      }
      case 'OfferReminderDue':
        return state.status === 'SCHEDULED' ? { ...state, status: 'DUE' } : state;
      case 'OfferReminderCancelled':
        return { status: 'CANCELLED' };
      default:
        return assertNever(event);
    }
  },
};
