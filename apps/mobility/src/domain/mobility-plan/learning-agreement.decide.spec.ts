import {
  deciderSpec,
  ForbiddenError,
  foldEvents,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@admissions/domain-kernel';
import { mobilityPlanDecider } from './mobility-plan.decide';
import { MobilityPlanCommand } from './mobility-plan.commands';
import {
  advisor,
  cmd,
  courses,
  drafts,
  dri,
  historyOf,
  NOW,
  otherStudent,
  PLAN_ID,
  propose,
  student,
  STUDENT_ID,
} from './mobility-plan.fixtures';

const spec = deciderSpec(mobilityPlanDecider);
const proposeLa = (...ects: number[]) =>
  cmd('ProposeLearningAgreement', { planId: PLAN_ID, courses: courses(...ects) }, student);
const changeLa = (...ects: number[]) =>
  cmd('ChangeLearningAgreement', { planId: PLAN_ID, courses: courses(...ects) }, student);
const approveLa = (version: number, at = NOW) =>
  cmd('ApproveLearningAgreement', { planId: PLAN_ID, version }, advisor, at);

describe('learning agreement', () => {
  it('MOB-5: the student proposes version 1 of the courses with their total', () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(proposeLa(15, 15))
      .then([
        {
          type: 'LearningAgreementProposed',
          data: {
            planId: PLAN_ID,
            studentId: STUDENT_ID,
            version: 1,
            courses: courses(15, 15),
            totalEcts: 30,
            proposedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-5: an agreement of 29 ECTS cannot be approved; 30 ECTS can', () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester), proposeLa(15, 14)))
      .when(approveLa(1))
      .thenThrows(ValidationError, { ruleId: 'MOB-5', field: 'courses' });
    spec
      .given(historyOf(propose(drafts.exchangeSemester), proposeLa(15, 15)))
      .when(approveLa(1))
      .then([
        {
          type: 'LearningAgreementApproved',
          data: {
            planId: PLAN_ID,
            studentId: STUDENT_ID,
            version: 1,
            approvedBy: advisor.id,
            approvedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-6: a two-semester agreement is approved at 60 ECTS, not at 30', () => {
    spec
      .given(historyOf(propose(drafts.twoSemesters), proposeLa(30)))
      .when(approveLa(1))
      .thenThrows(ValidationError, { ruleId: 'MOB-6' });
    expect(
      spec
        .given(historyOf(propose(drafts.twoSemesters), proposeLa(30, 30)))
        .when(approveLa(1))
        .events(),
    ).toHaveLength(1);
  });

  it('MOB-2: only exchanges have a learning agreement', () => {
    spec
      .given(historyOf(propose(drafts.finalInternship)))
      .when(proposeLa(30))
      .thenThrows(IllegalStateError, { ruleId: 'MOB-2' });
  });

  it('only the latest proposed version can be approved, and only by the study advisor', () => {
    const history = historyOf(propose(drafts.exchangeSemester), proposeLa(10, 10), proposeLa(15, 15));
    spec.given(history).when(approveLa(1)).thenThrows(IllegalStateError);
    spec
      .given(history)
      .when(cmd('ApproveLearningAgreement', { planId: PLAN_ID, version: 2 }, student))
      .thenThrows(ForbiddenError);
  });

  it("courses are checked, and another student's agreement is not found", () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(proposeLa())
      .thenThrows(ValidationError, { field: 'courses' });
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(proposeLa(30, -1))
      .thenThrows(ValidationError, { field: 'courses[1].ects' });
    const other = cmd('ProposeLearningAgreement', { planId: PLAN_ID, courses: courses(30) }, otherStudent);
    spec
      .given(historyOf(propose(drafts.exchangeSemester)))
      .when(other)
      .thenThrows(NotFoundError);
  });

  it('MOB-5: the agreement is changed during the mobility, not before', () => {
    spec
      .given(historyOf(propose(drafts.exchangeSemester), proposeLa(30)))
      .when(changeLa(30))
      .thenThrows(IllegalStateError);
  });

  it('MOB-5: after three changes during the mobility every version is kept with its status and time', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 9, day, 9));
    const steps: MobilityPlanCommand[] = [
      propose(drafts.exchangeSemester),
      proposeLa(10, 20),
      approveLa(1),
      cmd('ApproveByStudyAdvisor', { planId: PLAN_ID }, advisor),
      cmd('ApproveByInternationalOffice', { planId: PLAN_ID }, dri),
      cmd('StartMobility', { planId: PLAN_ID }, student),
      { ...changeLa(10, 10, 10), metadata: { now: at(1), actor: student } },
      approveLa(2, at(2)),
      { ...changeLa(5, 10, 10, 5), metadata: { now: at(3), actor: student } },
      { ...changeLa(6, 10, 10, 5), metadata: { now: at(4), actor: student } },
    ];
    const state = foldEvents(mobilityPlanDecider, historyOf(...steps));
    expect(state.status).toBe('in_mobility');
    if (state.status === 'none') return;
    expect(
      state.learningAgreement.map(({ version, status, totalEcts, duringMobility, proposedAt, approvedAt }) => ({
        version,
        status,
        totalEcts,
        duringMobility,
        proposedAt,
        approvedAt,
      })),
    ).toEqual([
      {
        version: 1,
        status: 'SUPERSEDED',
        totalEcts: 30,
        duringMobility: false,
        proposedAt: NOW.toISOString(),
        approvedAt: NOW.toISOString(),
      },
      {
        version: 2,
        status: 'APPROVED',
        totalEcts: 30,
        duringMobility: true,
        proposedAt: at(1).toISOString(),
        approvedAt: at(2).toISOString(),
      },
      {
        version: 3,
        status: 'SUPERSEDED',
        totalEcts: 30,
        duringMobility: true,
        proposedAt: at(3).toISOString(),
        approvedAt: null,
      },
      {
        version: 4,
        status: 'PROPOSED',
        totalEcts: 31,
        duringMobility: true,
        proposedAt: at(4).toISOString(),
        approvedAt: null,
      },
    ]);
    expect(state.learningAgreement[3]?.courses).toEqual(courses(6, 10, 10, 5));
    spec
      .given(historyOf(...steps))
      .when(approveLa(4))
      .thenThrows(ValidationError, { ruleId: 'MOB-5' });
  });
});
