import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import { assertNever } from '@admissions/domain-kernel';
import type { ProgrammeAdmissionsEvent } from '../domain';

/** The event that last changed a figure of the ledger. */
export interface LedgerChange {
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
  readonly at: string;
}

export type LedgerFigure = 'places' | 'offersHeld' | 'enrolled' | 'referralSeats';

/**
 * JURY-5, per programme: places, seats held by offers, enrolled, seats held by rectorate
 * proposals (REC-5), and free = places − the three (never negative: the decider refuses it).
 */
export interface SeatLedger extends ReadModel {
  readonly programmeCode: string;
  readonly places: number;
  readonly offersHeld: number;
  readonly enrolled: number;
  readonly referralSeats: number;
  readonly free: number;
  readonly changedBy: Partial<Record<LedgerFigure, LedgerChange>>;
}

const HANDLED = [
  'ProgrammeDefined',
  'PlacesChanged',
  'OfferMade',
  'OfferExpired',
  'OfferDeclined',
  'CandidateEnrolled',
  'ReferralSeatHeld',
  'ReferralSeatReleased',
] as const;

type LedgerEvent = Extract<ProgrammeAdmissionsEvent, { type: (typeof HANDLED)[number] }>;

type Figures = Pick<SeatLedger, 'places' | 'offersHeld' | 'enrolled' | 'referralSeats'>;

function moves(event: LedgerEvent, current: Figures): Partial<Figures> {
  switch (event.type) {
    case 'ProgrammeDefined':
    case 'PlacesChanged':
      return { places: event.data.places };
    case 'OfferMade':
      return { offersHeld: current.offersHeld + 1 };
    case 'OfferExpired':
    case 'OfferDeclined':
      return { offersHeld: current.offersHeld - 1 };
    case 'CandidateEnrolled':
      return { offersHeld: current.offersHeld - 1, enrolled: current.enrolled + 1 };
    case 'ReferralSeatHeld':
      return { referralSeats: current.referralSeats + 1 };
    case 'ReferralSeatReleased':
      return { referralSeats: current.referralSeats - 1 };
    default:
      return assertNever(event);
  }
}

export const seatLedger: Projection<SeatLedger> = {
  name: 'rm_seat_ledger',
  handles: HANDLED,
  documentsOf: (event) => [(event.data as { programmeCode: string }).programmeCode],
  evolve: (document, event: StoredEvent, id) => {
    const current: Figures = document ?? { places: 0, offersHeld: 0, enrolled: 0, referralSeats: 0 };
    const changed = moves({ type: event.type, data: event.data } as LedgerEvent, current);
    const figures = { ...current, ...changed };
    const change: LedgerChange = {
      eventId: event.metadata.eventId,
      type: event.type,
      version: event.metadata.version,
      at: event.metadata.occurredAt,
    };
    const changedBy = { ...(document?.changedBy ?? {}) };
    for (const figure of Object.keys(changed) as LedgerFigure[]) changedBy[figure] = change;
    return {
      _id: id,
      programmeCode: id,
      places: figures.places,
      offersHeld: figures.offersHeld,
      enrolled: figures.enrolled,
      referralSeats: figures.referralSeats,
      free: figures.places - figures.offersHeld - figures.enrolled - figures.referralSeats,
      changedBy,
    };
  },
};
