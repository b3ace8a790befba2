import { Decider, ForbiddenError, ValidationError } from '@admissions/domain-kernel';
import { requireText } from '../shared/field-rules';
import { isStaff } from '../shared/roles';
import { SubmissionLedgerCommand } from './submission-ledger.commands';
import { SubmissionLedgerEvent } from './submission-ledger.events';
import {
  SubmissionLedgerState,
  evolveSubmissionLedger,
  initialSubmissionLedgerState,
  rankOf,
} from './submission-ledger.state';

/**
 * CAND-3: files are handled in submission order. Each programme's ledger gives the next rank to
 * each newly registered candidacy; registering one again (a redelivered event, a retried
 * request) answers no event, so the rank never changes.
 */
export function decideSubmissionLedger(
  command: SubmissionLedgerCommand,
  state: SubmissionLedgerState,
): SubmissionLedgerEvent[] {
  if (!isStaff(command.metadata.actor)) throw new ForbiddenError('only the system registers submissions', 'CAND-3');
  const programmeCode = requireText(command.data.programmeCode, 'programmeCode', 32, 'CAND-3');
  const candidacyId = requireText(command.data.candidacyId, 'candidacyId', 100, 'CAND-3');
  if (state.status === 'OPEN' && state.programmeCode !== programmeCode) {
    throw new ValidationError(`this ledger is ${state.programmeCode}'s`, 'CAND-3', 'programmeCode');
  }
  if (rankOf(state, candidacyId) !== undefined) return [];
  const rank = state.status === 'OPEN' ? state.lastRank + 1 : 1;
  const registeredAt = command.metadata.now.toISOString();
  return [{ type: 'SubmissionRegistered', data: { programmeCode, candidacyId, rank, registeredAt } }];
}

export const submissionLedgerDecider: Decider<SubmissionLedgerCommand, SubmissionLedgerEvent, SubmissionLedgerState> = {
  initialState: initialSubmissionLedgerState,
  decide: decideSubmissionLedger,
  evolve: evolveSubmissionLedger,
};

/** The ledger's stream id for a programme. */
export const submissionLedgerStreamId = (programmeCode: string): string => `submission-ledger-${programmeCode}`;
