import { compareDates, IllegalStateError, stayDays, ValidationError, INPUT } from '@admissions/domain-kernel';
import { isCalendarDate, toIsoDate } from '../shared/iso-date';
import { hasAnyRole, MobilityRole, requireRole } from '../shared/roles';
import {
  CompleteInternship,
  RecordCredits,
  RecordEngineeringInternship,
  StartMobility,
} from './mobility-plan.commands';
import { MobilityPlanEvent } from './mobility-plan.events';
import { planRef, refuseViolations, requireOwnPlan, requirePlan, requireStatus } from './mobility-plan.guards';
import {
  assessRequirement,
  checkEngineeringInternship,
  creditRuleOf,
  isExchange,
  isInternship,
  requiredEcts,
  timingOf,
} from './mobility-plan.rules';
import { Completion, ExistingPlan, MobilityPlanState, PlanInMobility, ProposedPlan } from './mobility-plan.state';

const CREDIT_RECORDERS = [MobilityRole.StudyAdvisor, MobilityRole.InternationalOffice, MobilityRole.Admin] as const;
const INTERNSHIP_RECORDERS = [
  MobilityRole.TrainingDirectorate,
  MobilityRole.InternationalOffice,
  MobilityRole.Admin,
] as const;

/** The student (or the international office) records the departure once the plan's approvals are in. */
export function startMobility(command: StartMobility, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const { planId } = command.data;
  const staff = hasAnyRole(actor, [MobilityRole.InternationalOffice, MobilityRole.Admin]);
  const existing = staff ? requirePlan(state, planId) : requireOwnPlan(state, planId, actor);
  const plan = requireStatus(existing, ['proposed'], 'Starting the mobility');
  requireDepartureApprovals(plan);
  return [
    {
      type: 'MobilityStarted',
      data: {
        ...planRef(plan),
        startedBy: actor.id,
        startedAt: now.toISOString(),
      },
    },
  ];
}

/**
 * An exchange leaves with the study advisor's approval and an approved learning agreement of
 * 30 (60) ECTS (MOB-5, MOB-6) and the DRI's approval, which holds its place (MOB-10); a degree
 * programme with the DRI's approval (MOB-3, MOB-4);
 * internships and summer stays may leave without approval (MOB-7 approvals decide whether they count).
 */
function requireDepartureApprovals(plan: ProposedPlan): void {
  const ruleId = creditRuleOf(plan.kind);
  if (isExchange(plan.kind)) {
    if (plan.approvals.STUDY_ADVISOR === null)
      throw new IllegalStateError(`${ruleId}: the study advisor has not approved the exchange`, ruleId);
    const required = requiredEcts(plan.kind, plan.plannedEcts);
    const approved = plan.learningAgreement.find((v) => v.status === 'APPROVED' && v.totalEcts === required);
    if (!approved)
      throw new IllegalStateError(`${ruleId}: no approved learning agreement of ${String(required)} ECTS`, ruleId);
    // The international office's approval is where the partner's place is taken.
    if (plan.approvals.INTERNATIONAL_OFFICE === null)
      throw new IllegalStateError('MOB-10: the international office has not approved the exchange', 'MOB-10');
  } else if (plan.category === 'DEGREE_PROGRAMME' && plan.approvals.INTERNATIONAL_OFFICE === null) {
    throw new IllegalStateError(
      `${ruleId}: the international relations directorate has not approved the programme`,
      ruleId,
    );
  }
}

/** On return, the credits obtained abroad; validated when obtained ≥ required, then MOB-1 is assessed. */
export function recordCredits(command: RecordCredits, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, CREDIT_RECORDERS, 'Recording credits');
  const plan = requireStatus(requirePlan(state, command.data.planId), ['in_mobility'], 'Recording credits');
  const required = requiredEcts(plan.kind, plan.plannedEcts);
  if (required === null)
    throw new IllegalStateError(`${plan.kind} is an internship: complete it, it earns no credits here`, INPUT);
  const { obtainedEcts } = command.data;
  if (!Number.isFinite(obtainedEcts) || obtainedEcts < 0) {
    throw new ValidationError('Obtained ECTS are a number, zero or more', INPUT, 'obtainedEcts');
  }
  const completion: Completion = {
    kind: 'CREDITS',
    obtainedEcts,
    requiredEcts: required,
    validated: obtainedEcts >= required,
  };
  const recorded: MobilityPlanEvent = {
    type: 'CreditsRecorded',
    data: {
      ...planRef(plan),
      obtainedEcts,
      requiredEcts: required,
      validated: completion.validated,
      recordedBy: actor.id,
      recordedAt: now.toISOString(),
    },
  };
  return [recorded, assessment(plan, completion, now)];
}

/** The internship is over: its actual dates decide whether it had the length its kind needs. */
export function completeInternship(command: CompleteInternship, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, INTERNSHIP_RECORDERS, 'Completing an internship');
  const plan = requireStatus(requirePlan(state, command.data.planId), ['in_mobility'], 'Completing an internship');
  if (!isInternship(plan.kind)) throw new IllegalStateError(`${plan.kind} is study abroad: record its credits`, INPUT);
  const { startedOn, endedOn } = command.data;
  if (!isCalendarDate(startedOn) || !isCalendarDate(endedOn) || compareDates(endedOn, startedOn) < 0) {
    throw new ValidationError('The actual dates are calendar dates, the end not before the start', INPUT, 'endedOn');
  }
  const completed: MobilityPlanEvent = {
    type: 'InternshipCompleted',
    data: {
      ...planRef(plan),
      startedOn: toIsoDate(startedOn),
      endedOn: toIsoDate(endedOn),
      days: stayDays(startedOn, endedOn),
      completedBy: actor.id,
      completedAt: now.toISOString(),
    },
  };
  return [completed, assessment(plan, { kind: 'INTERNSHIP', startedOn, endedOn }, now)];
}

function assessment(plan: PlanInMobility, completion: Completion, now: Date): MobilityPlanEvent {
  const { fulfilled, reasons } = assessRequirement(plan, completion);
  const at = now.toISOString();
  return fulfilled
    ? {
        type: 'MobilityRequirementFulfilled',
        data: { ...planRef(plan), kind: plan.kind, fulfilledAt: at },
      }
    : {
        type: 'MobilityRequirementNotFulfilled',
        data: { ...planRef(plan), kind: plan.kind, reasons, assessedAt: at },
      };
}

/** MOB-5 / MOB-6: the internship before or after an exchange, checked against the rules of its kind. */
export function recordEngineeringInternship(
  command: RecordEngineeringInternship,
  state: MobilityPlanState,
): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, [MobilityRole.TrainingDirectorate, MobilityRole.Admin], 'Recording an engineering internship');
  const plan = requireStatus(
    requirePlan(state, command.data.planId),
    ['proposed', 'in_mobility', 'completed'],
    'Recording an engineering internship',
  );
  const ruleId = internshipRuleOf(plan);
  const input = command.data;
  if (!isCalendarDate(input.startOn) || !isCalendarDate(input.endOn) || compareDates(input.endOn, input.startOn) < 0) {
    throw new ValidationError('The internship dates are calendar dates, the end not before the start', INPUT, 'endOn');
  }
  const timing = timingOf(plan, input);
  if (timing === null)
    throw new ValidationError(
      `${ruleId}: the internship takes place before or after the mobility, not during it`,
      ruleId,
      'startOn',
    );
  if (timing === 'AFTER_MOBILITY' && plan.status !== 'completed') {
    throw new IllegalStateError(
      `${ruleId}: an internship on return is recorded once the mobility is completed`,
      ruleId,
    );
  }
  if (plan.internships.some((i) => i.internshipKind === input.internshipKind)) {
    throw new IllegalStateError(`An ${input.internshipKind} internship is already recorded on this plan`, ruleId);
  }
  refuseViolations(checkEngineeringInternship(plan, input, timing));
  const { internshipKind, lastObligation } = input;
  const data = {
    ...planRef(plan),
    internshipKind,
    timing,
    startOn: toIsoDate(input.startOn),
    endOn: toIsoDate(input.endOn),
    lastObligation,
  };
  return [
    {
      type: 'EngineeringInternshipRecorded',
      data: { ...data, recordedBy: actor.id, recordedAt: now.toISOString() },
    },
  ];
}

function internshipRuleOf(plan: ExistingPlan): 'MOB-5' | 'MOB-6' {
  if (plan.kind === 'EXCHANGE_SEMESTER') return 'MOB-5';
  if (plan.kind === 'EXCHANGE_TWO_SEMESTERS') return 'MOB-6';
  throw new IllegalStateError(
    `The engineering internship obligation belongs to exchanges (MOB-5, MOB-6), not to ${plan.kind}`,
    'MOB-5',
  );
}
