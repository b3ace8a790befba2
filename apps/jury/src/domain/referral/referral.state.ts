import { assertNever } from '@admissions/domain-kernel';
import type { ProposalRef, ReferralEvent } from './referral.events';

export interface ReferralFacts {
  readonly referralId: string;
  readonly candidateId: string;
  /** REC-3: where the document storage keeps the transcript the rectorate reads. */
  readonly transcriptDocumentRef: string;
  readonly filedAt: string;
  readonly proposalsDueBy: string;
  readonly acknowledged: boolean;
  readonly proposals: readonly ProposalRef[];
}

/**
 * NONE: nothing filed. FILED: the rectorate works on proposals. AWAITING_ANSWER: proposals made,
 * the 15-day answer window is open. ACCEPTED / LAPSED: final.
 */
export type ReferralState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'FILED' } & ReferralFacts)
  | ({
      readonly status: 'AWAITING_ANSWER';
      readonly proposalsMadeAt: string;
      readonly answerDueAt: string;
    } & ReferralFacts)
  | ({
      readonly status: 'ACCEPTED';
      readonly acceptedProposalId: string;
    } & ReferralFacts)
  | ({ readonly status: 'LAPSED'; readonly lapsedAt: string } & ReferralFacts);

export type FiledReferral = Exclude<ReferralState, { status: 'NONE' }>;

export const initialReferralState = (): ReferralState => ({ status: 'NONE' });

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralFiled') {
    const { referralId, candidateId, transcriptDocumentRef, filedAt, proposalsDueBy } = event.data;
    return {
      status: 'FILED',
      referralId,
      candidateId,
      transcriptDocumentRef,
      filedAt,
      proposalsDueBy,
      acknowledged: false,
      proposals: [],
    };
  }
  return state.status === 'NONE' ? state : evolveFiled(state, event);
}

export function evolveFiled(state: FiledReferral, event: ReferralEvent): FiledReferral {
  switch (event.type) {
    case 'ReferralFiled':
      return state;
    case 'ReferralAcknowledged':
      return { ...state, acknowledged: true };
    case 'ProposalRecorded': {
      const { proposalId, programmeCode } = event.data;
      return {
        ...state,
        proposals: [...state.proposals, { proposalId, programmeCode }],
      };
    }
    case 'ProposalsMade': {
      const { proposalsMadeAt, answerDueAt } = event.data;
      return {
        ...factsOf(state),
        status: 'AWAITING_ANSWER',
        proposalsMadeAt,
        answerDueAt,
      };
    }
    case 'ProposalAccepted':
      return {
        ...factsOf(state),
        status: 'ACCEPTED',
        acceptedProposalId: event.data.proposalId,
      };
    case 'ProposalDeclined':
      return state;
    case 'ReferralLapsed':
      return {
        ...factsOf(state),
        status: 'LAPSED',
        lapsedAt: event.data.lapsedAt,
      };
    default:
      return assertNever(event);
  }
}

function factsOf(state: FiledReferral): ReferralFacts {
  const { referralId, candidateId, transcriptDocumentRef, filedAt, proposalsDueBy, acknowledged, proposals } = state;
  return {
    referralId,
    candidateId,
    transcriptDocumentRef,
    filedAt,
    proposalsDueBy,
    acknowledged,
    proposals,
  };
}
