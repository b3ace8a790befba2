import type { DomainEvent } from '@admissions/domain-kernel';
import type { JuryDecisionKind, LeadOpinion } from './programme-admissions.commands';

export type ProgrammeDefined = DomainEvent<
  'ProgrammeDefined',
  {
    readonly programmeCode: string;
    readonly places: number;
    readonly definedAt: string;
  }
>;

export type PlacesChanged = DomainEvent<
  'PlacesChanged',
  {
    readonly programmeCode: string;
    readonly places: number;
    readonly previousPlaces: number;
    readonly changedAt: string;
  }
>;

interface AdmissibleCandidate {
  readonly programmeCode: string;
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly submissionRank: number;
  readonly leadOpinion: LeadOpinion;
}

export type CandidateAddedToAgenda = DomainEvent<
  'CandidateAddedToAgenda',
  AdmissibleCandidate & { readonly sessionId: string; readonly addedAt: string }
>;

/** No session of the programme is scheduled yet: the candidate joins the next one scheduled. */
export type CandidateAwaitingSession = DomainEvent<
  'CandidateAwaitingSession',
  AdmissibleCandidate & { readonly queuedAt: string }
>;

export type JurySessionScheduled = DomainEvent<
  'JurySessionScheduled',
  {
    readonly programmeCode: string;
    readonly sessionId: string;
    /** Paris calendar month, YYYY-MM (JURY-1). */
    readonly month: string;
    readonly sitsAt: string;
    readonly scheduledAt: string;
  }
>;

/** JURY-2/JURY-3: the decision, its reason and, when waitlisted, the rank on the waiting list. */
export type AdmissionDecided = DomainEvent<
  'AdmissionDecided',
  {
    readonly programmeCode: string;
    readonly sessionId: string;
    readonly candidateId: string;
    readonly candidacyId: string;
    readonly decision: JuryDecisionKind;
    readonly reason: string;
    readonly waitingListRank: number | null;
    readonly decidedAt: string;
  }
>;

export type SessionClosed = DomainEvent<
  'SessionClosed',
  {
    readonly programmeCode: string;
    readonly sessionId: string;
    readonly closedAt: string;
  }
>;

/** JURY-4: holds a seat until `expiresAt` (the application schedules the expiry job from it). */
export type OfferMade = DomainEvent<
  'OfferMade',
  {
    readonly programmeCode: string;
    readonly offerId: string;
    readonly candidateId: string;
    readonly candidacyId: string;
    readonly origin: 'ADMISSION' | 'WAITING_LIST';
    readonly madeAt: string;
    readonly expiresAt: string;
  }
>;

interface OfferRef {
  readonly programmeCode: string;
  readonly offerId: string;
  readonly candidateId: string;
  readonly candidacyId: string;
}

export type OfferExpired = DomainEvent<'OfferExpired', OfferRef & { readonly expiredAt: string }>;
export type OfferDeclined = DomainEvent<'OfferDeclined', OfferRef & { readonly declinedAt: string }>;
export type CandidateEnrolled = DomainEvent<'CandidateEnrolled', OfferRef & { readonly enrolledAt: string }>;

export type ReferralSeatHeld = DomainEvent<
  'ReferralSeatHeld',
  {
    readonly programmeCode: string;
    readonly referralId: string;
    readonly heldAt: string;
    /** The proposal the seat is held for (absent from seats held before it was recorded here). */
    readonly proposalId?: string;
    readonly candidateId?: string;
  }
>;
export type ReferralSeatReleased = DomainEvent<
  'ReferralSeatReleased',
  {
    readonly programmeCode: string;
    readonly referralId: string;
    readonly releasedAt: string;
  }
>;

export type ProgrammeAdmissionsEvent =
  | ProgrammeDefined
  | PlacesChanged
  | CandidateAddedToAgenda
  | CandidateAwaitingSession
  | JurySessionScheduled
  | AdmissionDecided
  | SessionClosed
  | OfferMade
  | OfferExpired
  | OfferDeclined
  | CandidateEnrolled
  | ReferralSeatHeld
  | ReferralSeatReleased;
