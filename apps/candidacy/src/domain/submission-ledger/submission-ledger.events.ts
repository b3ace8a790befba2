import { DomainEvent } from '@admissions/domain-kernel';

/** CAND-3: the candidacy is the `rank`-th file submitted to the programme (1 = first). */
export type SubmissionRegistered = DomainEvent<
  'SubmissionRegistered',
  { readonly programmeCode: string; readonly candidacyId: string; readonly rank: number; readonly registeredAt: string }
>;

export type SubmissionLedgerEvent = SubmissionRegistered;
