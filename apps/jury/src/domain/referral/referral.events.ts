import type { DomainEvent } from '@admissions/domain-kernel';

export interface ProposalRef {
  readonly proposalId: string;
  readonly programmeCode: string;
}

export type ReferralFiled = DomainEvent<
  'ReferralFiled',
  {
    readonly referralId: string;
    readonly candidateId: string;
    readonly transcriptDocumentRef: string;
    readonly lastNegativeAnswerAt: string;
    /** REC-6: academic year of the proposals, e.g. "2026-2027", and their last moment. */
    readonly academicYear: string;
    readonly proposalsDueBy: string;
    readonly filedAt: string;
  }
>;

export type ReferralAcknowledged = DomainEvent<
  'ReferralAcknowledged',
  {
    readonly referralId: string;
    readonly candidateId: string;
    readonly acknowledgedAt: string;
  }
>;

export type ProposalRecorded = DomainEvent<
  'ProposalRecorded',
  ProposalRef & { readonly referralId: string; readonly recordedAt: string }
>;

/** REC-7: the proposals are sent; the candidate answers by `answerDueAt` (the deadline job's time). */
export type ProposalsMade = DomainEvent<
  'ProposalsMade',
  {
    readonly referralId: string;
    readonly candidateId: string;
    readonly proposals: readonly ProposalRef[];
    readonly proposalsMadeAt: string;
    readonly answerDueAt: string;
  }
>;

export type ProposalAccepted = DomainEvent<
  'ProposalAccepted',
  ProposalRef & {
    readonly referralId: string;
    readonly candidateId: string;
    readonly acceptedAt: string;
  }
>;

/** REC-7: the seat of a declined proposal is released (ReleaseReferralSeat on its programme). */
export type ProposalDeclined = DomainEvent<
  'ProposalDeclined',
  ProposalRef & { readonly referralId: string; readonly declinedAt: string }
>;

/** REC-7: no answer in time; every proposal's seat is released. */
export type ReferralLapsed = DomainEvent<
  'ReferralLapsed',
  {
    readonly referralId: string;
    readonly candidateId: string;
    readonly releasedProposals: readonly ProposalRef[];
    readonly lapsedAt: string;
  }
>;

export type ReferralEvent =
  | ReferralFiled
  | ReferralAcknowledged
  | ProposalRecorded
  | ProposalsMade
  | ProposalAccepted
  | ProposalDeclined
  | ReferralLapsed;
