import type { DomainEvent } from '@admissions/domain-kernel';
import type { CandidatePersonal, EligibilityStatus, FileSummary, InterviewMode, OpinionKind } from './review.commands';

export interface ReasonedOpinion {
  readonly opinion: OpinionKind;
  readonly motivation: string;
}

export type NotAdmissibleReasonCode = 'UNFAVOURABLE_OPINION' | 'INCONCLUSIVE_INTERVIEW' | 'EQUIVALENCE_REFUSED';

export interface NotAdmissibleReason {
  readonly code: NotAdmissibleReasonCode;
  readonly explanation: string;
}

export type ReviewOpened = DomainEvent<
  'ReviewOpened',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly eligibility: EligibilityStatus;
    readonly submissionRank: number;
    readonly fileSummary: FileSummary;
    readonly personal: CandidatePersonal;
    readonly openedAt: string;
  }
>;

export type ReviewAssigned = DomainEvent<
  'ReviewAssigned',
  {
    readonly candidacyId: string;
    readonly leadId: string;
    readonly previousLeadId: string | null;
    readonly assignedAt: string;
  }
>;

export interface InterviewPlace {
  readonly mode: InterviewMode;
  readonly room: string | null;
  readonly link: string | null;
}

export type InterviewScheduled = DomainEvent<
  'InterviewScheduled',
  InterviewPlace & {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly scheduledAt: string;
  }
>;

export type InterviewRescheduled = DomainEvent<
  'InterviewRescheduled',
  InterviewPlace & {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly previousStartsAt: string;
    readonly rescheduledAt: string;
  }
>;

export type InterviewCancelled = DomainEvent<
  'InterviewCancelled',
  {
    readonly candidacyId: string;
    readonly reason: string | null;
    readonly cancelledAt: string;
  }
>;

export type InterviewHeld = DomainEvent<
  'InterviewHeld',
  {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly conclusive: boolean;
    readonly notes: string;
    readonly recordedAt: string;
  }
>;

export type EquivalenceConfirmed = DomainEvent<
  'EquivalenceConfirmed',
  { readonly candidacyId: string; readonly confirmedAt: string }
>;

export type EquivalenceRefused = DomainEvent<
  'EquivalenceRefused',
  {
    readonly candidacyId: string;
    readonly reason: string;
    readonly refusedAt: string;
  }
>;

export type OpinionGiven = DomainEvent<
  'OpinionGiven',
  ReasonedOpinion & { readonly candidacyId: string; readonly givenAt: string }
>;

export type OpinionCorrected = DomainEvent<
  'OpinionCorrected',
  ReasonedOpinion & {
    readonly candidacyId: string;
    readonly previous: ReasonedOpinion;
    readonly reason: string;
    readonly correctedAt: string;
  }
>;

/** REV-4: the file goes to the jury (the jury service reacts to this event). */
export type CandidateDeclaredAdmissible = DomainEvent<
  'CandidateDeclaredAdmissible',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly submissionRank: number;
    readonly leadOpinion: ReasonedOpinion;
    readonly declaredAt: string;
  }
>;

export type CandidateDeclaredNotAdmissible = DomainEvent<
  'CandidateDeclaredNotAdmissible',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly reason: NotAdmissibleReason;
    readonly declaredAt: string;
  }
>;

export type ReviewClosed = DomainEvent<
  'ReviewClosed',
  {
    readonly candidacyId: string;
    readonly reason: 'CANDIDACY_WITHDRAWN';
    readonly closedAt: string;
  }
>;

export type ReviewEvent =
  | ReviewOpened
  | ReviewAssigned
  | InterviewScheduled
  | InterviewRescheduled
  | InterviewCancelled
  | InterviewHeld
  | EquivalenceConfirmed
  | EquivalenceRefused
  | OpinionGiven
  | OpinionCorrected
  | CandidateDeclaredAdmissible
  | CandidateDeclaredNotAdmissible
  | ReviewClosed;
