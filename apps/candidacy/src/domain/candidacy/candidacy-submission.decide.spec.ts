import {
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  deciderSpec,
} from '@admissions/domain-kernel';
import { assessEligibility } from '../eligibility/eligibility';
import { CandidacyCommand } from './candidacy.commands';
import { candidacyDecider } from './candidacy.decide';
import { CandidacyEvent } from './candidacy.events';
import {
  AT,
  CANDIDACY_ID,
  candidate,
  cmd,
  completeDraft,
  cti,
  cvAttached,
  diplomasRecorded,
  experienceRecorded,
  identityUpdated,
  letterAttached,
  m1,
  officer,
  opened,
  other,
  otherCandidate,
  personal,
  programme,
  programmeChosen,
  submitted,
  system,
} from './candidacy.fixtures';

const spec = deciderSpec(candidacyDecider);
const submit = (now?: Date) => cmd('SubmitCandidacy', { programme }, now ? { now } : {});
/** The complete draft without one of its constant events (compared by reference). */
const without = (left: CandidacyEvent) => completeDraft.filter((event) => event !== left);
const ranked = (rank: number): CandidacyEvent => ({
  type: 'SubmissionRanked',
  data: { candidacyId: CANDIDACY_ID, programmeCode: programme.code, rank, rankedAt: AT },
});

describe('Candidacy decider: submission (CAND-2, CAND-3, CAND-4)', () => {
  it('CAND-2: a complete, eligible file is submitted with the summary the review service needs', () => {
    spec.given(completeDraft).when(submit()).then([submitted]);
  });

  it('CAND-2: the summary keeps only the contact under `personal` (no birth date nor address)', () => {
    const [event] = spec.given(completeDraft).when(submit()).events();
    expect(event.type === 'CandidacySubmitted' && event.data.personal).toEqual({
      firstName: personal.firstName,
      lastName: personal.lastName,
      email: personal.email,
      phone: personal.phone,
    });
  });

  it('CAND-2 / ELIG-5: a file pending equivalence can be submitted; the event carries that eligibility', () => {
    const foreign = {
      kind: 'FOREIGN' as const,
      title: 'Mestrado',
      country: 'BR',
      year: 2020,
      declaredLevel: 'BAC+5' as const,
    };
    const [event] = spec
      .given([...completeDraft, ...diplomasRecorded([foreign], 24)])
      .when(submit())
      .events();
    expect(event).toMatchObject({
      type: 'CandidacySubmitted',
      data: { eligibility: { status: 'PENDING_EQUIVALENCE' } },
    });
  });

  const documents = [cvAttached, letterAttached];
  it.each<[string, CandidacyEvent[]]>([
    ['personal', [opened, ...diplomasRecorded([cti]), ...experienceRecorded(24, [cti]), programmeChosen, ...documents]],
    ['diplomas', [opened, identityUpdated, ...experienceRecorded(24, []), programmeChosen, ...documents]],
    ['experienceMonths', [opened, identityUpdated, ...diplomasRecorded([cti]), programmeChosen, ...documents]],
    ['documents.CV', without(cvAttached)],
    ['documents.MOTIVATION_LETTER', without(letterAttached)],
    ['programmeCode', without(programmeChosen)],
  ])('CAND-2: an incomplete file (missing %s) is not submitted', (missing, history) => {
    spec.given(history).when(submit()).thenThrows(IllegalStateError, { ruleId: 'CAND-2', field: missing });
  });

  it('CAND-2: a file whose diploma list was emptied is incomplete', () => {
    spec
      .given([...completeDraft, ...diplomasRecorded([], 24)])
      .when(submit())
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2', field: 'diplomas' });
  });

  it('CAND-2: removing the CV makes the file incomplete again', () => {
    const removed: CandidacyEvent = {
      type: 'DocumentRemoved',
      data: { candidacyId: CANDIDACY_ID, documentId: 'doc-cv', removedAt: AT },
    };
    spec
      .given([...completeDraft, removed])
      .when(submit())
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2', field: 'documents.CV', message: /missing: documents\.CV$/ });
  });

  it('CAND-2 / ELIG-6: an ineligible file cannot be submitted, and the refusal gives the reason', () => {
    spec
      .given([...completeDraft, ...diplomasRecorded([other], 24)])
      .when(submit())
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2', field: 'eligibility', message: /ELIG-6/ });
  });

  it('CAND-2 / ELIG-4: an M1 with 35 months cannot be submitted, with 36 it can', () => {
    const m1File = [...completeDraft, ...diplomasRecorded([m1], 24)];
    spec
      .given([...m1File, ...experienceRecorded(35, [m1])])
      .when(submit())
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2', field: 'eligibility' });
    const [event] = spec
      .given([...m1File, ...experienceRecorded(36, [m1])])
      .when(submit())
      .events();
    expect(event).toMatchObject({ data: { eligibility: assessEligibility([m1], 36), experienceMonths: 36 } });
  });

  it('CAND-4: submitting after the application window closes is refused; at its last instant it is accepted', () => {
    spec
      .given(completeDraft)
      .when(submit(new Date('2026-06-30T22:00:00.000Z')))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-4', field: 'applicationWindow.closesAt' });
    const [event] = spec
      .given(completeDraft)
      .when(submit(new Date('2026-06-30T21:59:59.999Z')))
      .events();
    expect(event).toMatchObject({ type: 'CandidacySubmitted', data: { submittedAt: '2026-06-30T21:59:59.999Z' } });
  });

  it('CAND-4: submitting before the application window opens is refused', () => {
    spec
      .given(completeDraft)
      .when(submit(new Date('2026-01-05T07:59:59.999Z')))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-4', field: 'applicationWindow.opensAt' });
  });

  it('CAND-4: the window checked is the one of the programme as it is now (a window moved later)', () => {
    const moved = {
      ...programme,
      applicationWindow: { ...programme.applicationWindow, closesAt: '2026-03-01T00:00:00.000Z' },
    };
    spec
      .given(completeDraft)
      .when(cmd('SubmitCandidacy', { programme: moved }))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-4' });
  });

  it('the programme passed by the handler must be the one chosen', () => {
    spec
      .given(completeDraft)
      .when(cmd('SubmitCandidacy', { programme: { ...programme, code: 'MS-FINANCE' } }))
      .thenThrows(ValidationError, { field: 'programme.code' });
  });

  it('CAND-1: another candidate submitting the file is told it does not exist (NotFoundError)', () => {
    spec
      .given(completeDraft)
      .when(cmd('SubmitCandidacy', { programme }, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
  });

  const edits: [string, CandidacyCommand][] = [
    [
      'UpdateIdentity',
      cmd('UpdateIdentity', { personal: { ...personal, lastName: 'Sklodowska' }, preferredLanguage: 'fr' }),
    ],
    ['RecordDiplomas', cmd('RecordDiplomas', { diplomas: [m1] })],
    ['RecordExperience', cmd('RecordExperience', { months: 48 })],
    ['ChooseProgramme', cmd('ChooseProgramme', { programme: { ...programme, code: 'MS-FINANCE' } })],
    ['RemoveDocument', cmd('RemoveDocument', { documentId: 'doc-cv' })],
    ['SubmitCandidacy', submit()],
  ];

  it.each(edits)('CAND-2: a submitted file is locked: %s is refused', (_name, edit) => {
    spec
      .given([...completeDraft, submitted])
      .when(edit)
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2' });
  });

  it('CAND-2: a submitted file can still be withdrawn, once', () => {
    const withdrawn: CandidacyEvent = {
      type: 'CandidacyWithdrawn',
      data: {
        candidacyId: CANDIDACY_ID,
        candidateId: candidate.id,
        previousStatus: 'SUBMITTED',
        programmeCode: programme.code,
        withdrawnAt: AT,
      },
    };
    spec
      .given([...completeDraft, submitted])
      .when(cmd('WithdrawCandidacy', {}))
      .then([withdrawn]);
    spec
      .given([...completeDraft, submitted, withdrawn])
      .when(cmd('WithdrawCandidacy', {}))
      .thenNothing();
    spec
      .given([...completeDraft, submitted, withdrawn])
      .when(cmd('RecordExperience', { months: 48 }))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-2' });
  });

  it('CAND-4: withdrawing is allowed after the application window closes, a submitted file or a draft', () => {
    const afterClosing = new Date('2026-07-15T10:00:00.000Z');
    const withdraw = cmd('WithdrawCandidacy', {}, { now: afterClosing });
    expect(
      spec
        .given([...completeDraft, submitted])
        .when(withdraw)
        .events(),
    ).toEqual([
      expect.objectContaining({
        type: 'CandidacyWithdrawn',
        data: expect.objectContaining({ previousStatus: 'SUBMITTED', withdrawnAt: afterClosing.toISOString() }),
      }),
    ]);
    expect(spec.given(completeDraft).when(withdraw).events()).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ previousStatus: 'DRAFT' }) }),
    ]);
  });

  it('a draft can be withdrawn by its owner; another candidate cannot (NotFoundError)', () => {
    spec
      .given([opened])
      .when(cmd('WithdrawCandidacy', {}))
      .then([
        {
          type: 'CandidacyWithdrawn',
          data: { candidacyId: CANDIDACY_ID, candidateId: candidate.id, previousStatus: 'DRAFT', withdrawnAt: AT },
        },
      ]);
    spec
      .given([opened])
      .when(cmd('WithdrawCandidacy', {}, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
  });

  it('CAND-3: the rank given by the programme ledger is recorded once; a retry changes nothing', () => {
    const rank = (value: number) => cmd('RankSubmission', { rank: value }, { actor: system });
    spec
      .given([...completeDraft, submitted])
      .when(rank(7))
      .then([ranked(7)]);
    spec
      .given([...completeDraft, submitted, ranked(7)])
      .when(rank(7))
      .thenNothing();
    spec
      .given([...completeDraft, submitted, ranked(7)])
      .when(rank(8))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-3', field: 'rank' });
  });

  it('CAND-3: only a submitted file is ranked, and a candidate cannot rank their own file', () => {
    spec
      .given(completeDraft)
      .when(cmd('RankSubmission', { rank: 1 }, { actor: officer }))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-3' });
    spec
      .given([...completeDraft, submitted])
      .when(cmd('RankSubmission', { rank: 1 }))
      .thenThrows(ForbiddenError, { ruleId: 'CAND-3' });
  });
});
