import { Actor, ForbiddenError, ValidationError, deciderSpec } from '@admissions/domain-kernel';
import { RegisterSubmission } from './submission-ledger.commands';
import { submissionLedgerDecider, submissionLedgerStreamId } from './submission-ledger.decide';
import { SubmissionRegistered } from './submission-ledger.events';

const spec = deciderSpec(submissionLedgerDecider);
const now = new Date('2026-03-10T10:00:00.000Z');
const system: Actor = { id: 'candidacy-process-manager', roles: ['admin'] };

const register = (candidacyIds: string | string[], programmeCode = 'MS-CYBER', actor = system): RegisterSubmission => ({
  type: 'RegisterSubmission',
  data: { programmeCode, candidacyIds: typeof candidacyIds === 'string' ? [candidacyIds] : candidacyIds },
  metadata: { now, actor },
});
const registered = (candidacyId: string, rank: number): SubmissionRegistered => ({
  type: 'SubmissionRegistered',
  data: { programmeCode: 'MS-CYBER', candidacyId, rank, registeredAt: now.toISOString() },
});

describe('Submission ledger decider (CAND-3)', () => {
  it('CAND-3: the first file submitted to a programme gets rank 1', () => {
    spec
      .given([])
      .when(register('cdc-a'))
      .then([registered('cdc-a', 1)]);
  });

  it('CAND-3: files are ranked in the order they are registered', () => {
    spec
      .given([registered('cdc-a', 1), registered('cdc-b', 2)])
      .when(register('cdc-c'))
      .then([registered('cdc-c', 3)]);
  });

  it('CAND-3: registering the same candidacy twice answers no event and keeps its rank', () => {
    spec
      .given([registered('cdc-a', 1), registered('cdc-b', 2)])
      .when(register('cdc-a'))
      .thenNothing();
  });

  it('CAND-3: files registered together are ranked in the order given, after those already ranked', () => {
    spec
      .given([registered('cdc-a', 1)])
      .when(register(['cdc-c', 'cdc-b', 'cdc-d']))
      .then([registered('cdc-c', 2), registered('cdc-b', 3), registered('cdc-d', 4)]);
  });

  it('CAND-3: a file registered again among new ones keeps its rank, and one listed twice is ranked once', () => {
    spec
      .given([registered('cdc-a', 1), registered('cdc-b', 2)])
      .when(register(['cdc-b', 'cdc-c', 'cdc-c', 'cdc-a', 'cdc-d']))
      .then([registered('cdc-c', 3), registered('cdc-d', 4)]);
  });

  it('CAND-3: every file registered is named', () => {
    spec
      .given([])
      .when(register(['cdc-a', ' ']))
      .thenThrows(ValidationError, { ruleId: 'CAND-3', field: 'candidacyIds' });
  });

  it('CAND-3: a ledger belongs to one programme', () => {
    spec
      .given([registered('cdc-a', 1)])
      .when(register('cdc-b', 'MS-FINANCE'))
      .thenThrows(ValidationError, { ruleId: 'CAND-3', field: 'programmeCode' });
  });

  it('CAND-3: a candidate cannot register a submission', () => {
    spec
      .given([])
      .when(register('cdc-a', 'MS-CYBER', { id: 'cand-1', roles: ['candidate'] }))
      .thenThrows(ForbiddenError, { ruleId: 'CAND-3' });
  });

  it('one stream per programme', () => {
    expect(submissionLedgerStreamId('MS-CYBER')).toBe('submission-ledger-MS-CYBER');
  });
});
