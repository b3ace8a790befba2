import { assertNever } from '@admissions/domain-kernel';
import { SubmissionLedgerEvent } from './submission-ledger.events';

export type SubmissionLedgerState =
  | { readonly status: 'EMPTY' }
  | {
      readonly status: 'OPEN';
      readonly programmeCode: string;
      /** candidacyId -> rank. */
      readonly ranks: Readonly<Record<string, number>>;
      readonly lastRank: number;
    };

export const initialSubmissionLedgerState = (): SubmissionLedgerState => ({ status: 'EMPTY' });

export function evolveSubmissionLedger(
  state: SubmissionLedgerState,
  event: SubmissionLedgerEvent,
): SubmissionLedgerState {
  switch (event.type) {
    case 'SubmissionRegistered': {
      const { programmeCode, candidacyId, rank } = event.data;
      const ranks = state.status === 'OPEN' ? state.ranks : {};
      return { status: 'OPEN', programmeCode, ranks: { ...ranks, [candidacyId]: rank }, lastRank: rank };
    }
    default:
      return assertNever(event.type);
  }
}

/** The rank already given to a candidacy, if any. */
export function rankOf(state: SubmissionLedgerState, candidacyId: string): number | undefined {
  return state.status === 'OPEN' && Object.hasOwn(state.ranks, candidacyId) ? state.ranks[candidacyId] : undefined;
}
