import { type Actor, deciderSpec } from '@admissions/domain-kernel';
import {
  type OfferReminderCommand,
  type OfferReminderEvent,
  offerReminderDecider,
  reminderDueAt,
} from './offer-reminder';

const spec = deciderSpec(offerReminderDecider);
const SYSTEM: Actor = { id: 'system:notification', roles: ['admin'] };
const at = (iso: string) => ({ now: new Date(iso), actor: SYSTEM });
const offer = {
  offerId: 'offer-1',
  recipientId: 'cand-1',
  programmeCode: 'MS-DATA',
  expiresAt: '2026-03-25T22:59:59.999Z',
  offerEventId: '01JQOFFER',
};
const schedule: OfferReminderCommand = {
  type: 'ScheduleOfferReminder',
  data: offer,
  metadata: at('2026-03-15T10:00:00Z'),
};
const scheduled: OfferReminderEvent = {
  type: 'OfferReminderScheduled',
  data: { ...offer, remindAt: '2026-03-23T22:59:59.999Z', scheduledAt: '2026-03-15T10:00:00.000Z' },
};
const remind = (iso: string): OfferReminderCommand => ({ type: 'RemindOfOffer', data: {}, metadata: at(iso) });

describe('offer reminder (JURY-4)', () => {
  it('JURY-4: an offer made on 15 March (last moment 25 March 23:59:59.999 Paris) is reminded of two days before', () => {
    expect(reminderDueAt(new Date(offer.expiresAt)).toISOString()).toBe('2026-03-23T22:59:59.999Z');
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).thenNothing();
  });

  it('JURY-4: falls due once, while the offer is open', () => {
    spec
      .given([scheduled])
      .when(remind('2026-03-23T23:00:00Z'))
      .then([{ type: 'OfferReminderDue', data: { offerId: 'offer-1', dueAt: '2026-03-23T23:00:00.000Z' } }]);
    spec.given([scheduled]).when(remind('2026-03-26T08:00:00Z')).thenNothing(); // window over
  });

  it('JURY-4: an offer taken up, declined or expired is not reminded of, even if it is made again', () => {
    const cancelled: OfferReminderEvent = {
      type: 'OfferReminderCancelled',
      data: { offerId: 'offer-1', reason: 'ENROLLED', cancelledAt: '2026-03-16T10:00:00.000Z' },
    };
    spec
      .given([scheduled])
      .when({
        type: 'CancelOfferReminder',
        data: { offerId: 'offer-1', reason: 'ENROLLED' },
        metadata: at('2026-03-16T10:00:00Z'),
      })
      .then([cancelled]);
    spec.given([scheduled, cancelled]).when(remind('2026-03-23T23:00:00Z')).thenNothing();
    spec.given([scheduled, cancelled]).when(schedule).thenNothing();
  });
});
