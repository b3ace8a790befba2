import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import {
  evolveReferral,
  type FiledReferral,
  initialReferralState,
  type ReferralEvent,
  type ReferralState,
} from '../domain';

/** The rectorate's queue: one document per candidate's referral, as its stream folds it, by status. */
export type ReferralRow = ReadModel & FiledReferral;

const REFERRAL_STREAM = /^referral-(.+)$/;

function stateOf(document: ReferralRow | null): ReferralState {
  if (document === null) return initialReferralState();
  const { _id, _position, ...state } = document;
  return state;
}

export const referralRows: Projection<ReferralRow> = {
  name: 'rm_referrals',
  handles: [
    'ReferralFiled',
    'ReferralAcknowledged',
    'ProposalRecorded',
    'ProposalsMade',
    'ProposalAccepted',
    'ProposalDeclined',
    'ReferralLapsed',
  ],
  indexes: ['status'],
  // Not every referral event names the candidate; its stream always does.
  documentsOf: (event) => {
    const candidateId = REFERRAL_STREAM.exec(event.metadata.streamId)?.[1];
    return candidateId === undefined ? [] : [candidateId];
  },
  evolve: (document, event: StoredEvent, id) => {
    const next = evolveReferral(stateOf(document), { type: event.type, data: event.data } as ReferralEvent);
    // The stream begins with ReferralFiled: a referral event never leaves it unfiled.
    if (next.status === 'NONE') throw new Error(`${event.type} before ReferralFiled in referral-${id}`);
    return { _id: id, ...next };
  },
};
