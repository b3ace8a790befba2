import { assertNever } from '@admissions/domain-kernel';
import type { JuryDecisionKind, LeadOpinion } from './programme-admissions.commands';
import type { ProgrammeAdmissionsEvent } from './programme-admissions.events';

export interface AgendaEntry {
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly submissionRank: number;
  readonly leadOpinion: LeadOpinion;
}

export interface JurySession {
  readonly sessionId: string;
  readonly month: string;
  readonly sitsAt: string;
  readonly status: 'OPEN' | 'CLOSED';
  /** In submission order (CAND-3). */
  readonly agenda: readonly AgendaEntry[];
}

export interface RecordedDecision {
  readonly sessionId: string;
  readonly candidateId: string;
  readonly decision: JuryDecisionKind;
  readonly reason: string;
  readonly decidedAt: string;
}

export type OfferStatus = 'HELD' | 'ENROLLED' | 'DECLINED' | 'EXPIRED';

export interface Offer {
  readonly offerId: string;
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly madeAt: string;
  readonly expiresAt: string;
  readonly status: OfferStatus;
}

export interface WaitingListEntry {
  readonly candidateId: string;
  readonly candidacyId: string;
}

export interface ProgrammeBook {
  readonly programmeCode: string;
  readonly places: number;
  readonly sessions: readonly JurySession[];
  /** Admissible candidates waiting for the next session to be scheduled. */
  readonly awaitingSession: readonly AgendaEntry[];
  readonly decisions: readonly RecordedDecision[];
  readonly offers: readonly Offer[];
  /** JURY-5: first in, first offered. */
  readonly waitingList: readonly WaitingListEntry[];
  /** REC-5: seats held by rectorate proposals, one per referral. */
  readonly referralSeats: readonly string[];
}

/** One aggregate per programme: every seat of the programme is counted by one decider. */
export type ProgrammeAdmissionsState =
  { readonly status: 'UNDEFINED' } | ({ readonly status: 'DEFINED' } & ProgrammeBook);

export type DefinedProgramme = Extract<ProgrammeAdmissionsState, { status: 'DEFINED' }>;

export const initialProgrammeAdmissionsState = (): ProgrammeAdmissionsState => ({ status: 'UNDEFINED' });

// ---- queries (read from state: seats, waiting-list rank) --------------------------------------

/** JURY-5: held offers + enrolled + seats held by referrals. */
export function seatsTaken(book: ProgrammeBook): number {
  const offers = book.offers.filter((offer) => offer.status === 'HELD' || offer.status === 'ENROLLED').length;
  return offers + book.referralSeats.length;
}

export function freeSeats(book: ProgrammeBook): number {
  return book.places - seatsTaken(book);
}

/** 1-based rank on the waiting list, or null when the candidate is not on it. */
export function waitingListRank(state: ProgrammeAdmissionsState, candidateId: string): number | null {
  if (state.status !== 'DEFINED') return null;
  const index = state.waitingList.findIndex((entry) => entry.candidateId === candidateId);
  return index < 0 ? null : index + 1;
}

export function offerIdFor(candidacyId: string): string {
  return `offer:${candidacyId}`;
}

// ---- evolve ---------------------------------------------------------------------------------

export function evolveProgrammeAdmissions(
  state: ProgrammeAdmissionsState,
  event: ProgrammeAdmissionsEvent,
): ProgrammeAdmissionsState {
  if (state.status === 'DEFINED') return evolveDefined(state, event);
  if (event.type !== 'ProgrammeDefined') return state;
  return {
    status: 'DEFINED',
    programmeCode: event.data.programmeCode,
    places: event.data.places,
    sessions: [],
    awaitingSession: [],
    decisions: [],
    offers: [],
    waitingList: [],
    referralSeats: [],
  };
}

export function evolveDefined(state: DefinedProgramme, event: ProgrammeAdmissionsEvent): DefinedProgramme {
  switch (event.type) {
    case 'ProgrammeDefined':
      return state;
    case 'PlacesChanged':
      return { ...state, places: event.data.places };
    case 'CandidateAwaitingSession':
      return {
        ...state,
        // CAND-3: files are handled in submission order, whatever order they were declared admissible in.
        awaitingSession: [...state.awaitingSession, agendaEntry(event.data)].sort(
          (a, b) => a.submissionRank - b.submissionRank,
        ),
      };
    case 'CandidateAddedToAgenda': {
      const { sessionId, candidateId } = event.data;
      return {
        ...state,
        awaitingSession: state.awaitingSession.filter((entry) => entry.candidateId !== candidateId),
        sessions: updateSession(state, sessionId, (session) => ({
          ...session,
          agenda: [...session.agenda, agendaEntry(event.data)].sort((a, b) => a.submissionRank - b.submissionRank),
        })),
      };
    }
    case 'JurySessionScheduled': {
      const { sessionId, month, sitsAt } = event.data;
      return {
        ...state,
        sessions: [...state.sessions, { sessionId, month, sitsAt, status: 'OPEN', agenda: [] }],
      };
    }
    case 'AdmissionDecided': {
      const { sessionId, candidateId, candidacyId, decision, reason, decidedAt } = event.data;
      const decisions = [...state.decisions, { sessionId, candidateId, decision, reason, decidedAt }];
      const waitingList =
        decision === 'WAITLISTED' ? [...state.waitingList, { candidateId, candidacyId }] : state.waitingList;
      return { ...state, decisions, waitingList };
    }
    case 'SessionClosed':
      return {
        ...state,
        sessions: updateSession(state, event.data.sessionId, (s) => ({
          ...s,
          status: 'CLOSED',
        })),
      };
    case 'OfferMade': {
      const { offerId, candidateId, candidacyId, madeAt, expiresAt } = event.data;
      return {
        ...state,
        offers: [
          ...state.offers,
          {
            offerId,
            candidateId,
            candidacyId,
            madeAt,
            expiresAt,
            status: 'HELD',
          },
        ],
        waitingList: state.waitingList.filter((entry) => entry.candidateId !== candidateId),
      };
    }
    case 'OfferExpired':
      return {
        ...state,
        offers: updateOffer(state, event.data.offerId, 'EXPIRED'),
      };
    case 'OfferDeclined':
      return {
        ...state,
        offers: updateOffer(state, event.data.offerId, 'DECLINED'),
      };
    case 'CandidateEnrolled':
      return {
        ...state,
        offers: updateOffer(state, event.data.offerId, 'ENROLLED'),
      };
    case 'ReferralSeatHeld':
      return {
        ...state,
        referralSeats: [...state.referralSeats, event.data.referralId],
      };
    case 'ReferralSeatReleased':
      return {
        ...state,
        referralSeats: state.referralSeats.filter((id) => id !== event.data.referralId),
      };
    default:
      return assertNever(event);
  }
}

function agendaEntry(data: AgendaEntry): AgendaEntry {
  const { candidateId, candidacyId, submissionRank, leadOpinion } = data;
  return { candidateId, candidacyId, submissionRank, leadOpinion };
}

function updateSession(book: ProgrammeBook, sessionId: string, change: (s: JurySession) => JurySession): JurySession[] {
  return book.sessions.map((session) => (session.sessionId === sessionId ? change(session) : session));
}

function updateOffer(book: ProgrammeBook, offerId: string, status: OfferStatus): Offer[] {
  return book.offers.map((offer) => (offer.offerId === offerId ? { ...offer, status } : offer));
}
