import { Actor, IllegalStateError, INPUT } from '@admissions/domain-kernel';
import { hasAnyRole, MobilityRole, requireRole } from '../shared/roles';
import {
  ApproveByInternationalOffice,
  CancelPlan,
  ApproveByStudyAdvisor,
  ApproveByTrainingDirectorate,
  RefuseByInternationalOffice,
  RefuseByStudyAdvisor,
  RefuseByTrainingDirectorate,
} from './mobility-plan.commands';
import { MobilityPlanEvent } from './mobility-plan.events';
import { planRef, requireOwnPlan, requirePlan, requireReason, requireStatus } from './mobility-plan.guards';
import { isExchange } from './mobility-plan.rules';
import { MobilityPlanState, ProposedPlan } from './mobility-plan.state';
import { Authority } from './mobility-plan.types';

/** Who may speak for each authority; admin may act for any. */
const ROLES_OF: { readonly [A in Authority]: readonly MobilityRole[] } = {
  STUDY_ADVISOR: [MobilityRole.StudyAdvisor, MobilityRole.Admin],
  TRAINING_DIRECTORATE: [MobilityRole.TrainingDirectorate, MobilityRole.Admin],
  INTERNATIONAL_OFFICE: [MobilityRole.InternationalOffice, MobilityRole.Admin],
};

type ApprovalCommand = ApproveByStudyAdvisor | ApproveByTrainingDirectorate | ApproveByInternationalOffice;
type RefusalCommand = RefuseByStudyAdvisor | RefuseByTrainingDirectorate | RefuseByInternationalOffice;

/** A plan not yet started, that this authority may judge (the study advisor judges exchanges, MOB-5). */
function planToJudge(
  state: MobilityPlanState,
  planId: string,
  authority: Authority,
  actor: Actor,
  action: string,
): ProposedPlan {
  requireRole(actor, ROLES_OF[authority], action);
  const plan = requireStatus(requirePlan(state, planId), ['proposed'], action);
  if (authority === 'STUDY_ADVISOR' && !isExchange(plan.kind)) {
    throw new IllegalStateError(`A study advisor supervises exchange semesters only, not ${plan.kind}`, 'MOB-5');
  }
  return plan;
}

/** MOB-5 / MOB-7: records one authority's approval; a summer stay needs both DFI and DRI to count. */
export function approve(command: ApprovalCommand, state: MobilityPlanState, authority: Authority): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const plan = planToJudge(state, command.data.planId, authority, actor, `Approving as ${authority}`);
  if (plan.approvals[authority] !== null)
    throw new IllegalStateError(`The plan is already approved by ${authority}`, INPUT);
  return [
    {
      type: 'MobilityApproved',
      data: {
        ...planRef(plan),
        authority,
        approvedBy: actor.id,
        approvedAt: now.toISOString(),
      },
    },
  ];
}

/** Any authority may refuse with a reason; the student can then change the plan. */
export function refuse(command: RefusalCommand, state: MobilityPlanState, authority: Authority): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const plan = planToJudge(state, command.data.planId, authority, actor, `Refusing as ${authority}`);
  const reason = requireReason(command.data.reason);
  return [
    {
      type: 'MobilityRefused',
      data: {
        ...planRef(plan),
        authority,
        refusedBy: actor.id,
        refusedAt: now.toISOString(),
        personal: { reason },
      },
    },
  ];
}

/** MOB-10: a plan not yet started is given up by its student or the international office; its place is freed. */
export function cancelPlan(command: CancelPlan, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const { planId } = command.data;
  const office = hasAnyRole(actor, [MobilityRole.InternationalOffice, MobilityRole.Admin]);
  const existing = office ? requirePlan(state, planId) : requireOwnPlan(state, planId, actor);
  const plan = requireStatus(existing, ['proposed', 'refused'], 'Cancelling the plan', 'MOB-10');
  return [
    {
      type: 'MobilityPlanCancelled',
      data: { ...planRef(plan), cancelledBy: actor.id, cancelledAt: now.toISOString() },
    },
  ];
}
