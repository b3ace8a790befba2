import { IllegalStateError, ValidationError, INPUT } from '@admissions/domain-kernel';
import { MobilityRole, requireRole } from '../shared/roles';
import { ApproveLearningAgreement, ChangeLearningAgreement, ProposeLearningAgreement } from './mobility-plan.commands';
import { MobilityPlanEvent } from './mobility-plan.events';
import { planRef, requireOwnPlan, requirePlan, requireStatus } from './mobility-plan.guards';
import { creditRuleOf, isExchange, requiredEcts } from './mobility-plan.rules';
import { ExistingPlan, MobilityPlanState } from './mobility-plan.state';
import { Course } from './mobility-plan.types';

/** Before leaving, the student proposes the courses to follow; each proposal is a new version. */
export function proposeLearningAgreement(
  command: ProposeLearningAgreement,
  state: MobilityPlanState,
): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const plan = requireStatus(
    requireOwnPlan(state, command.data.planId, actor),
    ['proposed'],
    'Proposing a learning agreement',
  );
  requireExchange(plan);
  const courses = validCourses(command.data.courses);
  const version = plan.learningAgreement.length + 1;
  return [
    {
      type: 'LearningAgreementProposed',
      data: {
        ...planRef(plan),
        version,
        courses,
        totalEcts: totalEcts(courses),
        proposedAt: now.toISOString(),
      },
    },
  ];
}

/** During the mobility the student changes the courses; the approved version holds until the new one is approved. */
export function changeLearningAgreement(
  command: ChangeLearningAgreement,
  state: MobilityPlanState,
): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const plan = requireStatus(
    requireOwnPlan(state, command.data.planId, actor),
    ['in_mobility'],
    'Changing the learning agreement',
  );
  requireExchange(plan);
  const courses = validCourses(command.data.courses);
  const version = plan.learningAgreement.length + 1;
  return [
    {
      type: 'LearningAgreementChanged',
      data: {
        ...planRef(plan),
        version,
        courses,
        totalEcts: totalEcts(courses),
        changedAt: now.toISOString(),
      },
    },
  ];
}

/** MOB-5 / MOB-6: the study advisor approves the latest version when its ECTS make 30 (60). */
export function approveLearningAgreement(
  command: ApproveLearningAgreement,
  state: MobilityPlanState,
): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, [MobilityRole.StudyAdvisor, MobilityRole.Admin], 'Approving a learning agreement');
  const plan = requireStatus(
    requirePlan(state, command.data.planId),
    ['proposed', 'in_mobility'],
    'Approving a learning agreement',
  );
  const latest = plan.learningAgreement[plan.learningAgreement.length - 1];
  if (latest === undefined || latest.version !== command.data.version || latest.status !== 'PROPOSED') {
    throw new IllegalStateError(
      `Version ${command.data.version} is not the learning agreement awaiting approval`,
      INPUT,
    );
  }
  const required = requiredEcts(plan.kind, plan.plannedEcts);
  if (latest.totalEcts !== required) {
    const ruleId = creditRuleOf(plan.kind);
    throw new ValidationError(
      `${ruleId}: the learning agreement totals ${latest.totalEcts} ECTS, ${String(required)} are required`,
      ruleId,
      'courses',
    );
  }
  return [
    {
      type: 'LearningAgreementApproved',
      data: {
        ...planRef(plan),
        version: latest.version,
        approvedBy: actor.id,
        approvedAt: now.toISOString(),
      },
    },
  ];
}

function requireExchange(plan: ExistingPlan): void {
  if (!isExchange(plan.kind)) {
    throw new IllegalStateError(
      `A learning agreement belongs to an exchange (MOB-5, MOB-6), not to ${plan.kind}`,
      'MOB-2',
    );
  }
}

function validCourses(courses: readonly Course[]): readonly Course[] {
  if (courses.length === 0)
    throw new ValidationError('A learning agreement lists at least one course', INPUT, 'courses');
  courses.forEach((course, index) => {
    if (course.code.trim() === '' || course.title.trim() === '') {
      throw new ValidationError('Each course has a code and a title', INPUT, `courses[${index}]`);
    }
    if (!Number.isFinite(course.ects) || course.ects <= 0) {
      throw new ValidationError('Each course is worth a positive number of ECTS', INPUT, `courses[${index}].ects`);
    }
  });
  if (new Set(courses.map((course) => course.code)).size !== courses.length) {
    throw new ValidationError('A course appears once in the learning agreement', INPUT, 'courses');
  }
  return courses.map(({ code, title, ects }) => ({
    code: code.trim(),
    title: title.trim(),
    ects,
  }));
}

const totalEcts = (courses: readonly Course[]): number =>
  Math.round(courses.reduce((sum, course) => sum + course.ects, 0) * 100) / 100;
