import type { StoredEvent } from '@admissions/event-store';
import { seatLedger, type SeatLedger } from './seat-ledger.projection';

let version = 0;
function event(type: string, data: Record<string, unknown>): StoredEvent {
  version += 1;
  return {
    type,
    data: { programmeCode: 'MS-DATA', ...data },
    metadata: {
      eventId: `e${version}`,
      streamId: 'programme-MS-DATA',
      version,
      occurredAt: '2026-03-15T09:00:00.000Z',
      correlationId: 'c',
      actor: { id: 'system:jury', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}

describe('seat ledger read model (JURY-5)', () => {
  it('JURY-5: counts places, offers held, enrolled, referral seats and free, with the event that changed each', () => {
    const events = [
      event('ProgrammeDefined', { places: 3 }),
      event('OfferMade', { offerId: 'o1' }),
      event('OfferMade', { offerId: 'o2' }),
      event('CandidateEnrolled', { offerId: 'o1' }),
      event('ReferralSeatHeld', { referralId: 'R1' }),
      event('OfferDeclined', { offerId: 'o2' }),
      event('PlacesChanged', { places: 4 }),
    ];
    const ledger = events.reduce<SeatLedger | null>((doc, e) => seatLedger.evolve(doc, e, 'MS-DATA'), null);
    expect(ledger).toMatchObject({ places: 4, offersHeld: 0, enrolled: 1, referralSeats: 1, free: 2 });
    expect(ledger?.changedBy).toMatchObject({
      places: { eventId: 'e7', type: 'PlacesChanged' },
      offersHeld: { eventId: 'e6', type: 'OfferDeclined' },
      enrolled: { eventId: 'e4', type: 'CandidateEnrolled' },
      referralSeats: { eventId: 'e5', type: 'ReferralSeatHeld' },
    });
  });
});
