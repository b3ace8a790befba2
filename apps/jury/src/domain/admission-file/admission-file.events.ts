import type { DomainEvent } from '@admissions/domain-kernel';
import type { LeadOpinion } from '../programme-admissions/programme-admissions.commands';
import type { EligibilityAssessment } from './admission-file.commands';

// What the jury had of a file when it decided: facts of review's events, kept in the jury's own
// store (stream `admission-file-<candidacyId>`) with the source event's id as their causation.

export type EligibilityRecorded = DomainEvent<
  'EligibilityRecorded',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly eligibility: EligibilityAssessment;
    readonly recordedAt: string;
  }
>;

export type EquivalenceConfirmationRecorded = DomainEvent<
  'EquivalenceConfirmationRecorded',
  { readonly candidacyId: string; readonly confirmedAt: string; readonly recordedAt: string }
>;

export type InterviewOutcomeRecorded = DomainEvent<
  'InterviewOutcomeRecorded',
  {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly conclusive: boolean;
    readonly notes: string;
    readonly recordedAt: string;
  }
>;

/** The lead's reasoned opinion as given, or as corrected (then with the correction's reason). */
export type LeadOpinionRecorded = DomainEvent<
  'LeadOpinionRecorded',
  {
    readonly candidacyId: string;
    readonly leadOpinion: LeadOpinion;
    readonly givenAt: string;
    readonly correctionReason: string | null;
    readonly recordedAt: string;
  }
>;

export type AdmissionFileEvent =
  EligibilityRecorded | EquivalenceConfirmationRecorded | InterviewOutcomeRecorded | LeadOpinionRecorded;
