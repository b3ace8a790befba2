import {
  Actor,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  INPUT,
  type RefusalBasis,
} from '@admissions/domain-kernel';
import { Violation } from './mobility-plan.rules';
import { ExistingPlan, MobilityPlanState } from './mobility-plan.state';

/** The plan exists; otherwise NotFoundError. */
export function requirePlan(state: MobilityPlanState, planId: string): ExistingPlan {
  if (state.status === 'none') throw new NotFoundError(`Mobility plan ${planId} not found`, INPUT);
  return state;
}

/** A student acts only on their own plans; another student's plan is "not found", not "forbidden". */
export function requireOwnPlan(state: MobilityPlanState, planId: string, actor: Actor): ExistingPlan {
  const plan = requirePlan(state, planId);
  if (plan.studentId !== actor.id) throw new NotFoundError(`Mobility plan ${planId} not found`, INPUT);
  return plan;
}

export function requireStatus<S extends ExistingPlan['status']>(
  plan: ExistingPlan,
  allowed: readonly S[],
  action: string,
  ruleId: RefusalBasis = INPUT,
): Extract<ExistingPlan, { status: S }> {
  if (!(allowed as readonly string[]).includes(plan.status)) {
    throw new IllegalStateError(`${action} is not possible while the plan is ${plan.status}`, ruleId);
  }
  return plan as Extract<ExistingPlan, { status: S }>;
}

/** Refuses with the first violated rule id, the message listing every violation. */
export function refuseViolations(violations: readonly Violation[]): void {
  const [first] = violations;
  if (first === undefined) return;
  throw new ValidationError(violations.map((v) => v.message).join('; '), first.ruleId ?? INPUT, first.field);
}

export function requireReason(reason: string): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') throw new ValidationError('A refusal states its reason', INPUT, 'reason');
  return trimmed;
}

export const planRef = (plan: ExistingPlan) => ({
  planId: plan.planId,
  studentId: plan.studentId,
});
