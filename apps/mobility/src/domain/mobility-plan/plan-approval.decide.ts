import { Actor, IllegalStateError } from '@admissions/domain-kernel';
import { MobilityRole, requireRole } from '../shared/roles';
import {
  ApproveByInternationalOffice,
  ApproveByStudyAdvisor,
  ApproveByTrainingDirectorate,
  RefuseByInternationalOffice,
  RefuseByStudyAdvisor,
  RefuseByTrainingDirectorate,
} from './mobility-plan.commands';
import { MobilityPlanEvent } from './mobility-plan.events';
import { planRef, requirePlan, requireReason, requireStatus } from './mobility-plan.guards';
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
  if (plan.approvals[authority] !== null) throw new IllegalStateError(`The plan is already approved by ${authority}`);
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
