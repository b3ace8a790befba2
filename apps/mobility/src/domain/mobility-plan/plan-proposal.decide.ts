import { ForbiddenError, IllegalStateError, INPUT } from '@admissions/domain-kernel';
import { toIsoDate } from '../shared/iso-date';
import { ChangePlan, ProposePlan } from './mobility-plan.commands';
import { MobilityPlanEvent, PlanRecord } from './mobility-plan.events';
import { refuseViolations, requireOwnPlan, requireStatus } from './mobility-plan.guards';
import { categoryOf, checkPlan, PlanFlags } from './mobility-plan.rules';
import { MobilityPlanState } from './mobility-plan.state';
import { PlanDraft } from './mobility-plan.types';

/** A student proposes a plan of their own; checkPlan must find nothing to refuse (MOB-1..9). */
export function proposePlan(command: ProposePlan, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const { planId, studentId } = command.data;
  if (actor.id !== studentId) throw new ForbiddenError('A student proposes mobility plans for themself only', INPUT);
  if (state.status !== 'none') throw new IllegalStateError(`Mobility plan ${planId} already exists`, INPUT);
  const { violations, flags } = checkPlan(command.data);
  refuseViolations(violations);
  const record = toPlanRecord(command.data, planId, studentId, flags);
  return [
    {
      type: 'MobilityPlanProposed',
      data: { ...record, proposedAt: now.toISOString() },
    },
  ];
}

/** The student reworks a plan not yet started (also after a refusal); approvals start over. */
export function changePlan(command: ChangePlan, state: MobilityPlanState): MobilityPlanEvent[] {
  const { actor, now } = command.metadata;
  const plan = requireStatus(
    requireOwnPlan(state, command.data.planId, actor),
    ['proposed', 'refused'],
    'Changing the plan',
  );
  const { violations, flags } = checkPlan(command.data);
  refuseViolations(violations);
  const record = toPlanRecord(command.data, plan.planId, plan.studentId, flags);
  return [
    {
      type: 'MobilityPlanChanged',
      data: { ...record, changedAt: now.toISOString() },
    },
  ];
}

function toPlanRecord(draft: PlanDraft, planId: string, studentId: string, flags: PlanFlags): PlanRecord {
  return {
    planId,
    studentId,
    kind: draft.kind,
    category: categoryOf(draft.kind),
    host: {
      name: draft.host.name.trim(),
      country: draft.host.country,
      partnerId: draft.host.partner?.partnerId ?? null,
    },
    startOn: toIsoDate(draft.startOn),
    endOn: toIsoDate(draft.endOn),
    plannedEcts: draft.plannedEcts,
    ectsSplit: draft.ectsSplit,
    flags,
    personal: { profile: draft.student },
  };
}
