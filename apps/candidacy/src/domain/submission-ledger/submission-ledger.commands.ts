import { Command } from '@admissions/domain-kernel';

/**
 * CAND-3: appended by the application layer to the ledger stream of the file's programme
 * (`submission-ledger-<programmeCode>`) after CandidacySubmitted; optimistic concurrency on that
 * one stream serialises all submissions of a programme into a total order.
 */
export type RegisterSubmission = Command<
  'RegisterSubmission',
  { readonly programmeCode: string; readonly candidacyId: string }
>;

export type SubmissionLedgerCommand = RegisterSubmission;
