import type { Command } from '@admissions/domain-kernel';

export type ApplicationOutcomeKind =
  'ADMITTED' | 'ENROLLED' | 'REJECTED' | 'OFFER_EXPIRED' | 'OFFER_DECLINED' | 'WAITLISTED' | 'PENDING';

/** One of the candidate's applications on the platform, as the handler reads it from a read model. */
export interface ApplicationOutcome {
  readonly programmeCode: string;
  readonly outcome: ApplicationOutcomeKind;
  /** When the answer was given (ISO instant). */
  readonly at: string;
}

/**
 * REC-3: the transcript reference the candidate gave, and the owner the document storage records
 * for it (null: nothing is stored there). Absent altogether when no reference was given.
 */
export interface TranscriptFact {
  readonly ref: string;
  readonly ownerId: string | null;
}

/** REC-1..3: filed by the candidate (actor.id === candidateId) or an admin. */
export type FileReferral = Command<
  'FileReferral',
  {
    readonly referralId: string;
    readonly candidateId: string;
    readonly outcomes: readonly ApplicationOutcome[];
    readonly transcript: TranscriptFact | null;
  }
>;

/** REC-4: registration of the referral; the notification service emails the acknowledgement. */
export type AcknowledgeReferral = Command<'AcknowledgeReferral', Record<string, never>>;

/**
 * REC-5/REC-6: by a rectorate officer. The handler decides this command first, then holds the
 * seat on the programme (HoldReferralSeat, refused without a free seat), then appends.
 */
export type RecordProposal = Command<'RecordProposal', { readonly proposalId: string; readonly programmeCode: string }>;

/** REC-5: fewer than three proposals could be found; the answer window opens now (REC-7). */
export type CompleteProposals = Command<'CompleteProposals', Record<string, never>>;

/** REC-7: by the candidate; accepting one declines the others. */
export type AcceptProposal = Command<'AcceptProposal', { readonly proposalId: string }>;

/** REC-7: from the answer deadline job. A no-op unless the window has ended unanswered. */
export type LapseReferral = Command<'LapseReferral', Record<string, never>>;

export type ReferralCommand =
  FileReferral | AcknowledgeReferral | RecordProposal | CompleteProposals | AcceptProposal | LapseReferral;
