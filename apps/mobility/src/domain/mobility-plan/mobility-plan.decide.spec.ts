import {
  deciderSpec,
  ForbiddenError,
  foldEvents,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@admissions/domain-kernel';
import { mobilityPlanDecider } from './mobility-plan.decide';
import { MobilityPlanEvent } from './mobility-plan.events';
import {
  admin,
  advisor,
  cmd,
  d,
  dfi,
  dri,
  drafts,
  historyOf,
  NOW,
  nonPartnerHost,
  otherStudent,
  PLAN_ID,
  propose,
  regular,
  student,
  STUDENT_ID,
} from './mobility-plan.fixtures';

const spec = deciderSpec(mobilityPlanDecider);
const stateOf = (events: MobilityPlanEvent[]) => foldEvents(mobilityPlanDecider, events);

describe('ProposePlan / ChangePlan', () => {
  it('MOB-4: a master outside partnerships is proposed with ISO dates, the flag set and the profile under personal', () => {
    spec
      .given([])
      .when(propose({ ...drafts.master, host: nonPartnerHost }))
      .then([
        {
          type: 'MobilityPlanProposed',
          data: {
            planId: PLAN_ID,
            studentId: STUDENT_ID,
            kind: 'MASTER_ABROAD',
            category: 'DEGREE_PROGRAMME',
            host: {
              name: 'Far Away University',
              country: 'JP',
              partnerId: null,
            },
            startOn: '2026-09-01',
            endOn: '2027-08-31',
            plannedEcts: 60,
            ectsSplit: null,
            flags: {
              costsBorneByStudent: true,
              supervisedByStudyAdvisor: false,
              countsOnlyWithDfiAndDri: false,
              engineeringInternshipRequired: false,
              freeInternshipAllowedOnReturn: false,
            },
            personal: { profile: regular },
            proposedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-3: a double degree with a non-partner host is refused with ValidationError MOB-3', () => {
    spec
      .given([])
      .when(propose({ ...drafts.doubleDegree, host: nonPartnerHost }))
      .thenThrows(ValidationError, { ruleId: 'MOB-3', field: 'host.partner' });
  });

  it('MOB-5: the refusal names the first violated rule and lists every violation', () => {
    spec
      .given([])
      .when(
        propose({
          ...drafts.exchangeSemester,
          host: nonPartnerHost,
          plannedEcts: 29,
        }),
      )
      .thenThrows(ValidationError, {
        ruleId: 'MOB-5',
        message: /EXCHANGE agreement.*; MOB-5: EXCHANGE_SEMESTER validates exactly 30 ECTS, not 29/,
      });
  });

  it('a student proposes plans for themself only', () => {
    spec.given([]).when(propose(drafts.exchangeSemester, otherStudent)).thenThrows(ForbiddenError);
  });

  it('a plan id is used once', () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(propose(drafts.master))
      .thenThrows(IllegalStateError);
  });

  it("another student's plan is not found, to them", () => {
    const change = cmd('ChangePlan', { ...drafts.master, planId: PLAN_ID }, otherStudent);
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(change)
      .thenThrows(NotFoundError);
    spec
      .given([])
      .when(cmd('ChangePlan', { ...drafts.master, planId: PLAN_ID }, student))
      .thenThrows(NotFoundError);
  });

  it('MOB-3: changing a plan is checked like a proposal (17 months refused)', () => {
    const change = cmd(
      'ChangePlan',
      {
        ...drafts.doubleDegree,
        endOn: { year: 2028, month: 2, day: 28 },
        planId: PLAN_ID,
      },
      student,
    );
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(change)
      .thenThrows(ValidationError, { ruleId: 'MOB-3' });
  });

  it('MOB-7: changing a plan resets the approvals given to its previous version', () => {
    const history = historyOf(
      propose(drafts.summerStay),
      cmd('ApproveByTrainingDirectorate', { planId: PLAN_ID }, dfi),
    );
    const change = cmd('ChangePlan', { ...drafts.summerInternship, planId: PLAN_ID }, student);
    const events = spec.given(history).when(change).events();
    expect(events.map((e) => e.type)).toEqual(['MobilityPlanChanged']);
    const state = stateOf([...history, ...events]);
    expect(state).toMatchObject({
      status: 'proposed',
      kind: 'SUMMER_INTERNSHIP',
      approvals: { TRAINING_DIRECTORATE: null },
    });
  });
});

describe('approvals and refusals', () => {
  const proposed = () => historyOf(propose(drafts.exchangeSemester));

  it('MOB-5: the study advisor approves an exchange semester', () => {
    spec
      .given(proposed())
      .when(cmd('ApproveByStudyAdvisor', { planId: PLAN_ID }, advisor))
      .then([
        {
          type: 'MobilityApproved',
          data: {
            planId: PLAN_ID,
            studentId: STUDENT_ID,
            authority: 'STUDY_ADVISOR',
            approvedBy: advisor.id,
            approvedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-5: a study advisor supervises exchanges only', () => {
    spec
      .given(historyOf(propose(drafts.finalInternship)))
      .when(cmd('ApproveByStudyAdvisor', { planId: PLAN_ID }, advisor))
      .thenThrows(IllegalStateError, { ruleId: 'MOB-5' });
  });

  it('MOB-7: each directorate approves in its own role; admin may act for any; twice is refused', () => {
    const history = historyOf(propose(drafts.summerStay));
    spec
      .given(history)
      .when(cmd('ApproveByTrainingDirectorate', { planId: PLAN_ID }, dri))
      .thenThrows(ForbiddenError);
    spec
      .given(history)
      .when(cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, dfi))
      .thenThrows(ForbiddenError);
    spec
      .given(history)
      .when(cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, student))
      .thenThrows(ForbiddenError);
    expect(
      spec
        .given(history)
        .when(cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, admin))
        .events(),
    ).toHaveLength(1);
    const approvedOnce = historyOf(
      propose(drafts.summerStay),
      cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, dri),
    );
    spec
      .given(approvedOnce)
      .when(cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, dri))
      .thenThrows(IllegalStateError);
  });

  it('a refusal needs a reason, kept under personal; the student may then change the plan', () => {
    spec
      .given(proposed())
      .when(cmd('RefuseByStudyAdvisor', { planId: PLAN_ID, reason: '  ' }, advisor))
      .thenThrows(ValidationError, { field: 'reason' });
    const refusal = cmd(
      'RefuseByInternationalOffice',
      { planId: PLAN_ID, reason: 'No places left at this partner' },
      dri,
    );
    spec
      .given(proposed())
      .when(refusal)
      .then([
        {
          type: 'MobilityRefused',
          data: {
            planId: PLAN_ID,
            studentId: STUDENT_ID,
            authority: 'INTERNATIONAL_OFFICE',
            refusedBy: dri.id,
            refusedAt: NOW.toISOString(),
            personal: { reason: 'No places left at this partner' },
          },
        },
      ]);
    const refused = historyOf(propose(drafts.exchangeSemester), refusal);
    expect(stateOf(refused).status).toBe('refused');
    spec
      .given(refused)
      .when(cmd('ApproveByStudyAdvisor', { planId: PLAN_ID }, advisor))
      .thenThrows(IllegalStateError);
    const reworked = historyOf(
      propose(drafts.exchangeSemester),
      refusal,
      cmd('ChangePlan', { ...drafts.twoSemesters, planId: PLAN_ID }, student),
    );
    expect(stateOf(reworked).status).toBe('proposed');
  });

  it('MOB-10: the student or the international office cancels a plan not yet started; not another student', () => {
    const cancel = (actor: typeof student) => cmd('CancelPlan', { planId: PLAN_ID }, actor);
    spec
      .given(proposed())
      .when(cancel(student))
      .then([
        {
          type: 'MobilityPlanCancelled',
          data: { planId: PLAN_ID, studentId: STUDENT_ID, cancelledBy: STUDENT_ID, cancelledAt: NOW.toISOString() },
        },
      ]);
    const refused = historyOf(
      propose(drafts.exchangeSemester),
      cmd('RefuseByStudyAdvisor', { planId: PLAN_ID, reason: 'No' }, advisor),
    );
    expect(spec.given(refused).when(cancel(dri)).events()).toHaveLength(1);
    spec.given(proposed()).when(cancel(otherStudent)).thenThrows(NotFoundError);
    const cancelled = historyOf(propose(drafts.exchangeSemester), cancel(student));
    expect(stateOf(cancelled).status).toBe('cancelled');
    spec.given(cancelled).when(cancel(student)).thenThrows(IllegalStateError, { ruleId: 'MOB-10' });
    spec
      .given(cancelled)
      .when(cmd('ChangePlan', { ...drafts.exchangeSemester, planId: PLAN_ID }, student))
      .thenThrows(IllegalStateError);
  });

  it('approvals are for an existing plan', () => {
    spec
      .given([])
      .when(cmd('ApproveByTrainingDirectorate', { planId: PLAN_ID }, dfi))
      .thenThrows(NotFoundError);
  });
});

describe('MOB-9: the final internship and the legal cap of six months', () => {
  const finalInternship = (startOn: string, endOn: string) =>
    propose({ ...drafts.finalInternship, startOn: d(startOn), endOn: d(endOn) });
  const proposes = (startOn: string, endOn: string) =>
    expect(
      spec
        .given([])
        .when(finalInternship(startOn, endOn))
        .events()
        .map((e) => e.type),
    ).toEqual(['MobilityPlanProposed']);
  const refuses = (startOn: string, endOn: string, earliest: string, latest: string) =>
    spec
      .given([])
      .when(finalInternship(startOn, endOn))
      .thenThrows(ValidationError, {
        ruleId: 'MOB-9',
        field: 'endOn',
        message: new RegExp(`between ${earliest} and ${latest}; six months with one host is the legal cap.*L124-5`),
      });

  it('MOB-9: S + 6 months − 1 day is the last end date allowed; one day more is refused naming the cap', () => {
    proposes('2027-02-01', '2027-07-31');
    refuses('2027-02-01', '2027-08-01', '2027-07-17', '2027-07-31');
  });

  it('MOB-9: S + 6 months − 15 days is the first end date allowed; one day earlier is refused', () => {
    proposes('2027-02-01', '2027-07-17');
    refuses('2027-02-01', '2027-07-16', '2027-07-17', '2027-07-31');
  });

  it('MOB-9: across a leap February the cap is 29 February (2028), and 28 February in a common year (2027)', () => {
    proposes('2027-09-01', '2028-02-29');
    refuses('2027-09-01', '2028-03-01', '2028-02-15', '2028-02-29');
    proposes('2027-09-01', '2028-02-15');
    refuses('2027-09-01', '2028-02-14', '2028-02-15', '2028-02-29');
    proposes('2026-09-01', '2027-02-28');
    refuses('2026-09-01', '2027-03-01', '2027-02-14', '2027-02-28');
  });

  it('MOB-9: from 31 August the kernel calendar carries "31 February" into March (leap year: cap on 1 March)', () => {
    proposes('2027-08-31', '2028-03-01');
    refuses('2027-08-31', '2028-03-02', '2028-02-16', '2028-03-01');
  });

  it('MOB-9: a completed final internship longer than the cap does not count', () => {
    const history = historyOf(propose(drafts.finalInternship), cmd('StartMobility', { planId: PLAN_ID }, student));
    const [, assessment] = spec
      .given(history)
      .when(cmd('CompleteInternship', { planId: PLAN_ID, startedOn: d('2027-02-01'), endedOn: d('2027-08-01') }, dfi))
      .events();
    expect(assessment).toMatchObject({
      type: 'MobilityRequirementNotFulfilled',
      data: { reasons: [{ ruleId: 'MOB-9', message: expect.stringContaining('legal cap') }] },
    });
  });
});
