import type { Command } from '@admissions/domain-kernel';

/** ELIG-5: a foreign diploma is PENDING_EQUIVALENCE until the reviewer confirms it. */
export type EligibilityStatus = 'ELIGIBLE' | 'PENDING_EQUIVALENCE';
export type InterviewMode = 'ONSITE' | 'VIDEO';
export type OpinionKind = 'FAVOURABLE' | 'UNFAVOURABLE';

/** One condition the candidacy service checked when it assessed eligibility (ELIG-6). */
export interface EligibilityCheck {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly reason: string;
}

/** ELIG-6: the explained assessment, as the candidacy service made it at submission. */
export interface EligibilityExplanation {
  readonly reason: string;
  readonly checks: readonly EligibilityCheck[];
}

export interface DiplomaSummary {
  readonly kind: string;
  readonly title: string;
  readonly country: string;
  readonly year: number;
  /** Foreign diplomas only: the level the candidate declared (ELIG-5). */
  readonly declaredLevel?: string;
}

/** What the lead needs to see of the file, without the documents themselves. */
export interface FileSummary {
  readonly diplomaLevel: number;
  readonly diplomaKind: string;
  readonly experienceMonths: number;
  /** The ELIG-* rule that matched when the candidacy assessed eligibility. */
  readonly eligibilityRuleId: string;
  readonly eligibilityExplanation: EligibilityExplanation;
  readonly diplomas: readonly DiplomaSummary[];
  readonly documentIds: readonly string[];
  /** When the candidate submitted the file (CAND-3). */
  readonly submittedAt: string;
}

/** Personal data of the candidate: only ever carried under `personal`. */
export interface CandidatePersonal {
  readonly fullName: string;
  readonly email: string;
  readonly phone?: string;
}

/** From CandidacySubmitted (REV-1). System command: its handler is the only sender. */
export type OpenReview = Command<
  'OpenReview',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly leadId: string;
    readonly eligibility: EligibilityStatus;
    /** CAND-3: files are handled in submission order. */
    readonly submissionRank: number;
    readonly fileSummary: FileSummary;
    readonly personal: CandidatePersonal;
  }
>;

/** The programme's lead changed (REV-1). System command. */
export type ReassignReview = Command<'ReassignReview', { readonly leadId: string }>;

/** REV-2: `at` is an ISO instant in the future; ONSITE needs a room, VIDEO a link. */
export interface InterviewSlot {
  readonly at: string;
  readonly mode: InterviewMode;
  readonly room?: string;
  readonly link?: string;
}

export type ScheduleInterview = Command<'ScheduleInterview', InterviewSlot>;
export type RescheduleInterview = Command<'RescheduleInterview', InterviewSlot>;
export type CancelInterview = Command<'CancelInterview', { readonly reason?: string }>;
export type RecordInterviewOutcome = Command<
  'RecordInterviewOutcome',
  { readonly conclusive: boolean; readonly notes: string }
>;

export type ConfirmEquivalence = Command<'ConfirmEquivalence', Record<string, never>>;
export type RefuseEquivalence = Command<'RefuseEquivalence', { readonly reason: string }>;

/** REV-3: a reasoned opinion (motivation of at least 30 characters). */
export type GiveOpinion = Command<'GiveOpinion', { readonly opinion: OpinionKind; readonly motivation: string }>;
export type CorrectOpinion = Command<
  'CorrectOpinion',
  {
    readonly opinion: OpinionKind;
    readonly motivation: string;
    readonly reason: string;
  }
>;

/** From CandidacyWithdrawn. System command. */
export type CloseReview = Command<'CloseReview', { readonly reason: 'CANDIDACY_WITHDRAWN' }>;

export type ReviewCommand =
  | OpenReview
  | ReassignReview
  | ScheduleInterview
  | RescheduleInterview
  | CancelInterview
  | RecordInterviewOutcome
  | ConfirmEquivalence
  | RefuseEquivalence
  | GiveOpinion
  | CorrectOpinion
  | CloseReview;
