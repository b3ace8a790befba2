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
 * CAND-3: files are handled in submission order. Each programme's ledger gives the next ranks to
 * the newly registered candidacies, in the order the command lists them; registering one again
 * (a redelivered event, a retried request) answers no event for it, so a rank never changes.
 */
export function decideSubmissionLedger(
  command: SubmissionLedgerCommand,
  state: SubmissionLedgerState,
): SubmissionLedgerEvent[] {
  if (!isStaff(command.metadata.actor)) throw new ForbiddenError('only the system registers submissions', 'CAND-3');
  const programmeCode = requireText(command.data.programmeCode, 'programmeCode', 32, 'CAND-3');
  const candidacyIds = command.data.candidacyIds.map((id) => requireText(id, 'candidacyIds', 100, 'CAND-3'));
  if (state.status === 'OPEN' && state.programmeCode !== programmeCode) {
    throw new ValidationError(`this ledger is ${state.programmeCode}'s`, 'CAND-3', 'programmeCode');
  }
  const registeredAt = command.metadata.now.toISOString();
  const fresh = [...new Set(candidacyIds)].filter((candidacyId) => rankOf(state, candidacyId) === undefined);
  const lastRank = state.status === 'OPEN' ? state.lastRank : 0;
  return fresh.map((candidacyId, index) => ({
    type: 'SubmissionRegistered',
    data: { programmeCode, candidacyId, rank: lastRank + index + 1, registeredAt },
  }));
}

export const submissionLedgerDecider: Decider<SubmissionLedgerCommand, SubmissionLedgerEvent, SubmissionLedgerState> = {
  initialState: initialSubmissionLedgerState,
  decide: decideSubmissionLedger,
  evolve: evolveSubmissionLedger,
};

/** The ledger's stream id for a programme. */
export const submissionLedgerStreamId = (programmeCode: string): string => `submission-ledger-${programmeCode}`;
