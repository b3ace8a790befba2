import type { Command } from '@admissions/domain-kernel';
import type { LeadOpinion } from '../programme-admissions/programme-admissions.commands';

/** ELIG-6: one condition checked by the candidacy service, and why it passed or not. */
export interface EligibilityCheck {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly reason: string;
}

/** What the jury keeps of a file's eligibility (ELIG-1..6), as assessed when it was submitted. */
export interface EligibilityAssessment {
  readonly status: 'ELIGIBLE' | 'PENDING_EQUIVALENCE';
  readonly matchedRule: string;
  readonly reason: string;
  readonly checks: readonly EligibilityCheck[];
}

// System commands: each takes in one fact of review's file (the source event is the causation).

/** From ReviewOpened: the file reached the lead with its explained eligibility. */
export type RecordEligibility = Command<
  'RecordEligibility',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly eligibility: EligibilityAssessment;
  }
>;

/** From EquivalenceConfirmed (ELIG-5). */
export type RecordEquivalenceConfirmation = Command<
  'RecordEquivalenceConfirmation',
  { readonly candidacyId: string; readonly confirmedAt: string }
>;

/** From InterviewHeld (REV-2). */
export type RecordInterviewOutcome = Command<
  'RecordInterviewOutcome',
  {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly conclusive: boolean;
    readonly notes: string;
  }
>;

/** From OpinionGiven (correctionReason null) or OpinionCorrected (REV-3). */
export type RecordLeadOpinion = Command<
  'RecordLeadOpinion',
  {
    readonly candidacyId: string;
    readonly leadOpinion: LeadOpinion;
    readonly givenAt: string;
    readonly correctionReason: string | null;
  }
>;

export type AdmissionFileCommand =
  RecordEligibility | RecordEquivalenceConfirmation | RecordInterviewOutcome | RecordLeadOpinion;
