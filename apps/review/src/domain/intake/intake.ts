import { assertNever, Command, Decider, DomainEvent, ValidationError } from '@admissions/domain-kernel';
import type { CandidatePersonal, EligibilityStatus, FileSummary } from '../review/review.commands';

/**
 * The review side of a submitted candidacy before its review opens (stream `intake-<candidacyId>`).
 * A review needs the file (CandidacySubmitted) and its rank in the programme's submission order
 * (SubmissionRanked, CAND-3), which the candidacy service publishes as two events; the intake keeps
 * whichever comes first, so the review opens once both are known, in either order.
 */
export interface Submission {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  /** The programme's lead when the file was submitted (REV-1). */
  readonly leadId: string;
  readonly eligibility: EligibilityStatus;
  readonly fileSummary: FileSummary;
  readonly personal: CandidatePersonal;
  readonly submittedAt: string;
}

export type RecordSubmission = Command<'RecordSubmission', Submission>;
export type RecordSubmissionRank = Command<
  'RecordSubmissionRank',
  { readonly candidacyId: string; readonly programmeCode: string; readonly rank: number }
>;
export type RecordWithdrawal = Command<'RecordWithdrawal', { readonly candidacyId: string }>;
export type IntakeCommand = RecordSubmission | RecordSubmissionRank | RecordWithdrawal;

export type SubmissionReceived = DomainEvent<'SubmissionReceived', Submission & { readonly receivedAt: string }>;
export type SubmissionRankReceived = DomainEvent<
  'SubmissionRankReceived',
  { readonly candidacyId: string; readonly programmeCode: string; readonly rank: number; readonly receivedAt: string }
>;
export type WithdrawalReceived = DomainEvent<
  'WithdrawalReceived',
  { readonly candidacyId: string; readonly receivedAt: string }
>;
export type IntakeEvent = SubmissionReceived | SubmissionRankReceived | WithdrawalReceived;

export interface IntakeState {
  readonly submission: Submission | null;
  readonly rank: number | null;
  readonly withdrawn: boolean;
}

export const initialIntakeState = (): IntakeState => ({ submission: null, rank: null, withdrawn: false });

/** Each fact is kept once: a redelivered event, or the same rank from the ledger, changes nothing. */
export function decideIntake(command: IntakeCommand, state: IntakeState): IntakeEvent[] {
  const receivedAt = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RecordSubmission':
      return state.submission ? [] : [{ type: 'SubmissionReceived', data: { ...command.data, receivedAt } }];
    case 'RecordSubmissionRank': {
      const { candidacyId, programmeCode, rank } = command.data;
      if (!Number.isInteger(rank) || rank < 1) throw new ValidationError('a rank is a whole number from 1', 'CAND-3');
      if (state.rank !== null) return [];
      return [{ type: 'SubmissionRankReceived', data: { candidacyId, programmeCode, rank, receivedAt } }];
    }
    case 'RecordWithdrawal':
      return state.withdrawn
        ? []
        : [{ type: 'WithdrawalReceived', data: { candidacyId: command.data.candidacyId, receivedAt } }];
    default:
      return assertNever(command);
  }
}

export function evolveIntake(state: IntakeState, event: IntakeEvent): IntakeState {
  switch (event.type) {
    case 'SubmissionReceived': {
      const { receivedAt: _receivedAt, ...submission } = event.data;
      return { ...state, submission };
    }
    case 'SubmissionRankReceived':
      return { ...state, rank: event.data.rank };
    case 'WithdrawalReceived':
      return { ...state, withdrawn: true };
    default:
      return assertNever(event);
  }
}

export const intakeDecider: Decider<IntakeCommand, IntakeEvent, IntakeState> = {
  initialState: initialIntakeState,
  decide: decideIntake,
  evolve: evolveIntake,
};

/** REV-1: the file and its rank are both known and the candidacy is not withdrawn. */
export function readyToOpen(state: IntakeState): (Submission & { readonly submissionRank: number }) | null {
  if (state.withdrawn || state.submission === null || state.rank === null) return null;
  return { ...state.submission, submissionRank: state.rank };
}

export const intakeStreamId = (candidacyId: string): string => `intake-${candidacyId}`;
