import {
  addDays,
  CalendarDate,
  deciderSpec,
  foldEvents,
  ForbiddenError,
  IllegalStateError,
  ValidationError,
} from '@admissions/domain-kernel';
import { mobilityPlanDecider } from './mobility-plan.decide';
import { MobilityPlanCommand } from './mobility-plan.commands';
import {
  admin,
  advisor,
  apprentice,
  cmd,
  courses,
  d,
  dfi,
  dri,
  drafts,
  historyOf,
  NOW,
  PLAN_ID,
  propose,
  regular,
  student,
  STUDENT_ID,
} from './mobility-plan.fixtures';
import { engineeringInternshipObligation } from './mobility-plan.rules';
import { PlanDraft } from './mobility-plan.types';

const spec = deciderSpec(mobilityPlanDecider);
const ref = { planId: PLAN_ID, studentId: STUDENT_ID };
const start = cmd('StartMobility', { planId: PLAN_ID }, student);
const credits = (obtainedEcts: number) => cmd('RecordCredits', { planId: PLAN_ID, obtainedEcts }, advisor);
const complete = (startedOn: CalendarDate, endedOn: CalendarDate) =>
  cmd('CompleteInternship', { planId: PLAN_ID, startedOn, endedOn }, dfi);
const approveBy = (type: 'ApproveByStudyAdvisor' | 'ApproveByTrainingDirectorate' | 'ApproveByInternationalOffice') =>
  cmd(
    type,
    { planId: PLAN_ID },
    type === 'ApproveByStudyAdvisor' ? advisor : type === 'ApproveByTrainingDirectorate' ? dfi : dri,
  );

/** An exchange approved by its study advisor and the DRI, with an approved learning agreement of `ects`, started. */
const exchangeUnderway = (draft: PlanDraft, ...ects: number[]): MobilityPlanCommand[] => [
  propose(draft),
  cmd('ProposeLearningAgreement', { planId: PLAN_ID, courses: courses(...ects) }, student),
  cmd('ApproveLearningAgreement', { planId: PLAN_ID, version: 1 }, advisor),
  approveBy('ApproveByStudyAdvisor'),
  approveBy('ApproveByInternationalOffice'),
  start,
];
const fulfilled = {
  type: 'MobilityRequirementFulfilled',
  data: { ...ref, fulfilledAt: NOW.toISOString() },
};

describe('StartMobility', () => {
  it('MOB-5: an exchange leaves only with the study advisor and an approved 30-ECTS learning agreement', () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(start)
      .thenThrows(IllegalStateError, { ruleId: 'MOB-5' });
    const noAgreement = historyOf(propose(drafts.exchangeSemester), approveBy('ApproveByStudyAdvisor'));
    spec
      .given(noAgreement)
      .when(start)
      .thenThrows(IllegalStateError, {
        ruleId: 'MOB-5',
        message: /learning agreement/,
      });
    const [, ...ready] = exchangeUnderway(drafts.exchangeSemester, 30);
    spec
      .given(historyOf(propose(drafts.exchangeSemester), ...ready.slice(0, -1)))
      .when(start)
      .then([
        {
          type: 'MobilityStarted',
          data: { ...ref, startedBy: STUDENT_ID, startedAt: NOW.toISOString() },
        },
      ]);
  });

  it('MOB-10: an exchange leaves only once the international office approved it (the approval holds its place)', () => {
    const [, ...ready] = exchangeUnderway(drafts.exchangeSemester, 30);
    const withoutDri = ready.filter((c) => c.type !== 'ApproveByInternationalOffice').slice(0, -1);
    spec
      .given(historyOf(propose(drafts.exchangeSemester), ...withoutDri))
      .when(start)
      .thenThrows(IllegalStateError, { ruleId: 'MOB-10', message: /international office/ });
  });

  it('MOB-3: a double degree leaves once the international office approved it', () => {
    spec
      .given(historyOf(propose(drafts.doubleDegree)))
      .when(start)
      .thenThrows(IllegalStateError, { ruleId: 'MOB-3' });
    const approved = historyOf(propose(drafts.doubleDegree), approveBy('ApproveByInternationalOffice'));
    expect(
      spec
        .given(approved)
        .when(cmd('StartMobility', { planId: PLAN_ID }, admin))
        .events(),
    ).toHaveLength(1);
  });
});

describe('completion and the MOB-1 requirement', () => {
  it('MOB-5 / MOB-1: 30 ECTS obtained validate the semester and fulfil the requirement', () => {
    spec
      .given(historyOf(...exchangeUnderway(drafts.exchangeSemester, 30)))
      .when(credits(30))
      .then([
        {
          type: 'CreditsRecorded',
          data: {
            ...ref,
            obtainedEcts: 30,
            requiredEcts: 30,
            validated: true,
            recordedBy: advisor.id,
            recordedAt: NOW.toISOString(),
          },
        },
        {
          type: 'MobilityRequirementFulfilled',
          data: {
            ...ref,
            kind: 'EXCHANGE_SEMESTER',
            fulfilledAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-5 / MOB-1: 29 ECTS obtained do not fulfil the requirement, and say why', () => {
    const events = spec
      .given(historyOf(...exchangeUnderway(drafts.exchangeSemester, 30)))
      .when(credits(29))
      .events();
    expect(events[1]).toEqual({
      type: 'MobilityRequirementNotFulfilled',
      data: {
        ...ref,
        kind: 'EXCHANGE_SEMESTER',
        reasons: [
          {
            ruleId: 'MOB-5',
            message: 'MOB-5: 29 ECTS obtained of the 30 required',
          },
        ],
        assessedAt: NOW.toISOString(),
      },
    });
    const state = foldEvents(mobilityPlanDecider, [
      ...historyOf(...exchangeUnderway(drafts.exchangeSemester, 30)),
      ...events,
    ]);
    expect(state).toMatchObject({
      status: 'completed',
      requirement: { fulfilled: false },
    });
  });

  it('MOB-6: 60 ECTS over two semesters fulfil the requirement', () => {
    const events = spec
      .given(historyOf(...exchangeUnderway(drafts.twoSemesters, 30, 30)))
      .when(credits(60))
      .events();
    expect(events[1]).toMatchObject({
      ...fulfilled,
      data: { ...fulfilled.data, kind: 'EXCHANGE_TWO_SEMESTERS' },
    });
  });

  it('MOB-3: a double degree whose host credits are validated fulfils the requirement', () => {
    const underway = historyOf(propose(drafts.doubleDegree), approveBy('ApproveByInternationalOffice'), start);
    expect(spec.given(underway).when(credits(90)).events()[1]?.type).toBe('MobilityRequirementFulfilled');
  });

  it('MOB-7: a summer stay approved by DFI only is completed but not counted', () => {
    const underway = historyOf(propose(drafts.summerStay), approveBy('ApproveByTrainingDirectorate'), start);
    const events = spec
      .given(underway)
      .when(complete(d('2027-07-01'), d('2027-08-31')))
      .events();
    expect(events.map((e) => e.type)).toEqual(['InternshipCompleted', 'MobilityRequirementNotFulfilled']);
    expect(events[1]).toMatchObject({
      data: {
        reasons: [
          {
            ruleId: 'MOB-7',
            message: expect.stringContaining('missing international relations directorate (DRI)'),
          },
        ],
      },
    });
  });

  it('MOB-7: a summer stay approved by both DFI and DRI counts', () => {
    const underway = historyOf(
      propose(drafts.summerStay),
      approveBy('ApproveByTrainingDirectorate'),
      approveBy('ApproveByInternationalOffice'),
      start,
    );
    spec
      .given(underway)
      .when(complete(d('2027-07-01'), d('2027-08-31')))
      .then([
        {
          type: 'InternshipCompleted',
          data: {
            ...ref,
            startedOn: '2027-07-01',
            endedOn: '2027-08-31',
            days: 62,
            completedBy: dfi.id,
            completedAt: NOW.toISOString(),
          },
        },
        {
          type: 'MobilityRequirementFulfilled',
          data: { ...ref, kind: 'SUMMER_STAY', fulfilledAt: NOW.toISOString() },
        },
      ]);
  });

  it('MOB-1: an apprentice internship actually lasting 8 weeks and 6 days does not count; 9 weeks does', () => {
    const draft = {
      ...drafts.summerInternship,
      student: apprentice,
      startOn: d('2027-06-01'),
      endOn: d('2027-08-02'),
    };
    const underway = historyOf(
      propose(draft),
      approveBy('ApproveByTrainingDirectorate'),
      approveBy('ApproveByInternationalOffice'),
      start,
    );
    const short = spec
      .given(underway)
      .when(complete(d('2027-06-01'), d('2027-08-01')))
      .events();
    expect(short[1]).toMatchObject({
      type: 'MobilityRequirementNotFulfilled',
      data: { reasons: [{ ruleId: 'MOB-1' }] },
    });
    expect(
      spec
        .given(underway)
        .when(complete(d('2027-06-01'), d('2027-08-02')))
        .events()[1]?.type,
    ).toBe('MobilityRequirementFulfilled');
  });

  it('MOB-8: a first-year human formation internship abroad, once done, counts', () => {
    const underway = historyOf(propose(drafts.humanInternship), start);
    expect(
      spec
        .given(underway)
        .when(complete(d('2026-06-15'), d('2026-08-15')))
        .events()[1]?.type,
    ).toBe('MobilityRequirementFulfilled');
  });

  it('MOB-9: a final internship counts when it actually lasted six months, not five', () => {
    const underway = historyOf(propose(drafts.finalInternship), start);
    expect(
      spec
        .given(underway)
        .when(complete(d('2027-02-01'), d('2027-07-31')))
        .events()[1]?.type,
    ).toBe('MobilityRequirementFulfilled');
    const cut = spec
      .given(underway)
      .when(complete(d('2027-02-01'), d('2027-06-30')))
      .events();
    expect(cut[1]).toMatchObject({
      type: 'MobilityRequirementNotFulfilled',
      data: { reasons: [{ ruleId: 'MOB-9' }] },
    });
  });

  it('credits are for study abroad, completion for internships, both by staff during the mobility', () => {
    const internship = historyOf(propose(drafts.finalInternship), start);
    spec.given(internship).when(credits(30)).thenThrows(IllegalStateError);
    spec
      .given(internship)
      .when({
        ...complete(d('2027-02-01'), d('2027-07-31')),
        metadata: { now: NOW, actor: student },
      })
      .thenThrows(ForbiddenError);
    spec
      .given(historyOf(propose(drafts.finalInternship)))
      .when(complete(d('2027-02-01'), d('2027-07-31')))
      .thenThrows(IllegalStateError);
    spec
      .given(historyOf(...exchangeUnderway(drafts.exchangeSemester, 30)))
      .when(complete(d('2026-09-01'), d('2027-01-31')))
      .thenThrows(IllegalStateError);
  });
});

describe('RecordEngineeringInternship (MOB-5, MOB-6)', () => {
  const returned = (draft: PlanDraft, ...ects: number[]) =>
    historyOf(...exchangeUnderway(draft, ...ects), credits(ects.reduce((a, b) => a + b, 0)));
  const afterReturn = d('2027-03-01'); // the semester ends 2027-01-31, two semesters 2027-06-30
  const weeks = (from: CalendarDate, count: number, extraDays = 0) => addDays(from, 7 * count + extraDays - 1);
  const internship = (
    internshipKind: 'ENGINEERING' | 'FREE',
    startOn: CalendarDate,
    endOn: CalendarDate,
    lastObligation = true,
  ) => cmd('RecordEngineeringInternship', { planId: PLAN_ID, internshipKind, startOn, endOn, lastObligation }, dfi);

  it('MOB-5: an engineering internship on return that is the last obligation may last 24 weeks', () => {
    spec
      .given(returned(drafts.exchangeSemester, 30))
      .when(internship('ENGINEERING', afterReturn, weeks(afterReturn, 24)))
      .then([
        {
          type: 'EngineeringInternshipRecorded',
          data: {
            ...ref,
            internshipKind: 'ENGINEERING',
            timing: 'AFTER_MOBILITY',
            startOn: '2027-03-01',
            endOn: '2027-08-15',
            lastObligation: true,
            recordedBy: dfi.id,
            recordedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-5: 24 weeks and a day, or 25 weeks, are refused when it is the last obligation; allowed otherwise', () => {
    const history = returned(drafts.exchangeSemester, 30);
    spec
      .given(history)
      .when(internship('ENGINEERING', afterReturn, weeks(afterReturn, 24, 1)))
      .thenThrows(ValidationError, { ruleId: 'MOB-5', field: 'endOn' });
    spec
      .given(history)
      .when(internship('ENGINEERING', afterReturn, weeks(afterReturn, 25)))
      .thenThrows(ValidationError, { ruleId: 'MOB-5' });
    expect(
      spec
        .given(history)
        .when(internship('ENGINEERING', afterReturn, weeks(afterReturn, 25), false))
        .events(),
    ).toHaveLength(1);
  });

  it('MOB-5: an internship before the mobility satisfies the obligation; one during it is refused', () => {
    const proposed = historyOf(propose(drafts.exchangeSemester));
    const before = spec
      .given(proposed)
      .when(internship('ENGINEERING', d('2026-03-01'), d('2026-08-15'), false))
      .events();
    expect(before[0]).toMatchObject({ data: { timing: 'BEFORE_MOBILITY' } });
    const obligation = (events: typeof proposed) => {
      const state = foldEvents(mobilityPlanDecider, events);
      return state.status === 'none' ? 'NO PLAN' : engineeringInternshipObligation(state);
    };
    expect(obligation(proposed)).toBe('PENDING');
    expect(obligation([...proposed, ...before])).toBe('SATISFIED');
    spec
      .given(proposed)
      .when(internship('ENGINEERING', d('2026-12-01'), d('2027-03-31')))
      .thenThrows(ValidationError, { ruleId: 'MOB-5', field: 'startOn' });
  });

  it('MOB-5: an internship on return waits for the return; the obligation is an engineering internship, not a free one', () => {
    const underway = historyOf(...exchangeUnderway(drafts.exchangeSemester, 30));
    spec
      .given(underway)
      .when(internship('ENGINEERING', afterReturn, weeks(afterReturn, 20)))
      .thenThrows(IllegalStateError, { ruleId: 'MOB-5' });
    spec
      .given(returned(drafts.exchangeSemester, 30))
      .when(internship('FREE', afterReturn, weeks(afterReturn, 20)))
      .thenThrows(ValidationError, { ruleId: 'MOB-5' });
  });

  it('MOB-6: an optional free internship on return lasts at most 24 weeks', () => {
    const history = returned(drafts.twoSemesters, 30, 30);
    const from = d('2027-08-01');
    expect(
      spec
        .given(history)
        .when(internship('FREE', from, weeks(from, 24)))
        .events()[0],
    ).toMatchObject({
      data: { internshipKind: 'FREE', timing: 'AFTER_MOBILITY' },
    });
    spec
      .given(history)
      .when(internship('FREE', from, weeks(from, 24, 1)))
      .thenThrows(ValidationError, { ruleId: 'MOB-6', field: 'endOn' });
    spec
      .given(history)
      .when(internship('FREE', from, weeks(from, 25)))
      .thenThrows(ValidationError, { ruleId: 'MOB-6' });
  });

  it('MOB-6: no free internship when an engineering internship or a whole internship year was validated before leaving', () => {
    const from = d('2027-08-01');
    const validated = {
      ...drafts.twoSemesters,
      student: { ...regular, engineeringInternshipValidated: true },
    };
    spec
      .given(returned(validated, 30, 30))
      .when(internship('FREE', from, weeks(from, 12)))
      .thenThrows(ValidationError, {
        ruleId: 'MOB-6',
        field: 'internshipKind',
      });
    const gapYear = {
      ...drafts.twoSemesters,
      student: { ...regular, internshipYearValidated: true },
    };
    spec
      .given(returned(gapYear, 30, 30))
      .when(internship('FREE', from, weeks(from, 12)))
      .thenThrows(ValidationError, { ruleId: 'MOB-6' });
    const [proposal, ...rest] = exchangeUnderway(drafts.twoSemesters, 30, 30);
    const engineeringBefore = internship('ENGINEERING', d('2026-03-01'), d('2026-08-15'), false);
    const withBefore = historyOf(proposal as MobilityPlanCommand, engineeringBefore, ...rest, credits(60));
    spec
      .given(withBefore)
      .when(internship('FREE', from, weeks(from, 12)))
      .thenThrows(ValidationError, { ruleId: 'MOB-6' });
  });

  it('MOB-5: only the training directorate records it, and only around an exchange', () => {
    const history = returned(drafts.exchangeSemester, 30);
    spec
      .given(history)
      .when({
        ...internship('ENGINEERING', afterReturn, weeks(afterReturn, 20)),
        metadata: { now: NOW, actor: student },
      })
      .thenThrows(ForbiddenError);
    spec
      .given(historyOf(propose(drafts.finalInternship)))
      .when(internship('ENGINEERING', d('2026-03-01'), d('2026-08-15')))
      .thenThrows(IllegalStateError, { ruleId: 'MOB-5' });
  });
});
