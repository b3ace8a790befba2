import { Actor, deciderSpec, ValidationError } from '@admissions/domain-kernel';
import { IntakeCommand, intakeDecider, IntakeEvent, readyToOpen, Submission } from './intake';

const spec = deciderSpec(intakeDecider);
const SYSTEM: Actor = { id: 'system:review', roles: ['admin'] };
const NOW = '2026-03-02T08:00:00.000Z';

const command = <C extends IntakeCommand>(type: C['type'], data: C['data']): IntakeCommand =>
  ({ type, data, metadata: { now: new Date(NOW), actor: SYSTEM } }) as IntakeCommand;

const submission: Submission = {
  candidacyId: 'cand-1',
  candidateId: 'person-1',
  programmeCode: 'MS-DATA',
  leadId: 'lead-1',
  eligibility: 'ELIGIBLE',
  fileSummary: {
    diplomaLevel: 5,
    diplomaKind: 'CTI_ENGINEERING',
    experienceMonths: 0,
    eligibilityRuleId: 'ELIG-1',
    eligibilityExplanation: { reason: 'engineering diploma', checks: [] },
    diplomas: [],
    documentIds: ['cv'],
    submittedAt: '2026-03-01T10:00:00.000Z',
  },
  personal: { fullName: 'Camille Martin', email: 'camille@example.org' },
  submittedAt: '2026-03-01T10:00:00.000Z',
};
const received: IntakeEvent = { type: 'SubmissionReceived', data: { ...submission, receivedAt: NOW } };
const ranked: IntakeEvent = {
  type: 'SubmissionRankReceived',
  data: { candidacyId: 'cand-1', programmeCode: 'MS-DATA', rank: 3, receivedAt: NOW },
};
const rank = (value: number) =>
  command('RecordSubmissionRank', { candidacyId: 'cand-1', programmeCode: 'MS-DATA', rank: value });
const fold = (events: IntakeEvent[]) => events.reduce(intakeDecider.evolve, intakeDecider.initialState());

describe('Intake decider', () => {
  it('REV-1: a submission is kept once; the same event again changes nothing', () => {
    spec.given([]).when(command('RecordSubmission', submission)).then([received]);
    spec.given([received]).when(command('RecordSubmission', submission)).thenNothing();
  });

  it('CAND-3: the first rank is kept; a repeated one (ledger and candidacy both tell it) changes nothing', () => {
    spec.given([received]).when(rank(3)).then([ranked]);
    spec.given([received, ranked]).when(rank(3)).thenNothing();
    spec.given([]).when(rank(0)).thenThrows(ValidationError, { ruleId: 'CAND-3' });
  });

  it('REV-1: the review opens once both the file and its rank are known, in either order', () => {
    expect(readyToOpen(fold([received]))).toBeNull();
    expect(readyToOpen(fold([ranked]))).toBeNull();
    expect(readyToOpen(fold([ranked, received]))).toEqual({ ...submission, submissionRank: 3 });
  });

  it('a withdrawn candidacy never opens a review, even if its rank comes later', () => {
    const withdrawn: IntakeEvent = { type: 'WithdrawalReceived', data: { candidacyId: 'cand-1', receivedAt: NOW } };
    spec
      .given([received, withdrawn])
      .when(command('RecordWithdrawal', { candidacyId: 'cand-1' }))
      .thenNothing();
    expect(readyToOpen(fold([received, withdrawn, ranked]))).toBeNull();
  });
});
