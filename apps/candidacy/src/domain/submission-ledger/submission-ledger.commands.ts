import { Command } from '@admissions/domain-kernel';

/**
 * CAND-3: appended by the application layer to the ledger stream of the files' programme
 * (`submission-ledger-<programmeCode>`) after their CandidacySubmitted, the files in submission
 * order (several at once when several were submitted since the last registration); optimistic
 * concurrency on that one stream serialises all submissions of a programme into a total order.
 */
export type RegisterSubmission = Command<
  'RegisterSubmission',
  { readonly programmeCode: string; readonly candidacyIds: readonly string[] }
>;

export type SubmissionLedgerCommand = RegisterSubmission;
