// The jury's referral as its OpenAPI document shows it (ReferralDto); the fields of a later status appear with it.

export type ReferralStatus = 'FILED' | 'AWAITING_ANSWER' | 'ACCEPTED' | 'LAPSED';

export interface Referral {
  readonly status: ReferralStatus;
  readonly referralId: string;
  readonly candidateId: string;
  readonly transcriptDocumentRef: string;
  readonly filedAt: string;
  readonly proposalsDueBy: string;
  readonly acknowledged: boolean;
  readonly proposals: readonly { readonly proposalId: string; readonly programmeCode: string }[];
  readonly proposalsMadeAt?: string;
  readonly answerDueAt?: string;
  readonly acceptedProposalId?: string;
  readonly lapsedAt?: string;
}

/** REC-5: the rectorate makes three proposals at most. */
export const MAX_PROPOSALS = 3;
