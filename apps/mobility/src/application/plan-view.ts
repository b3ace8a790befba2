import { assertNever } from '@admissions/domain-kernel';
import { type StoredEvent, wasErased } from '@admissions/event-store';
import {
  Approvals,
  Authority,
  engineeringInternshipObligation,
  evolveMobilityPlan,
  ExistingPlan,
  initialMobilityPlanState,
  LearningAgreementVersion,
  MobilityPlanEvent,
  MobilityPlanState,
  RequirementReason,
  toIsoDate,
} from '../domain';

export interface ApprovalView {
  readonly by: string;
  readonly at: string;
}

export interface RefusalView {
  readonly authority: Authority;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

/** A plan as the student and the staff read it: the current state plus what the state forgets (refusal reasons). */
export interface PlanView {
  readonly planId: string;
  readonly studentId: string;
  readonly version: number;
  readonly status: ExistingPlan['status'];
  readonly kind: ExistingPlan['kind'];
  readonly category: ExistingPlan['category'];
  /** Null once the student is erased: their profile no longer opens. */
  readonly student: ExistingPlan['profile'] | null;
  readonly host: ExistingPlan['host'];
  readonly startOn: string;
  readonly endOn: string;
  readonly plannedEcts: number | null;
  readonly ectsSplit: ExistingPlan['ectsSplit'];
  readonly flags: ExistingPlan['flags'];
  readonly approvals: {
    readonly studyAdvisor: ApprovalView | null;
    readonly trainingDirectorate: ApprovalView | null;
    readonly internationalOffice: ApprovalView | null;
  };
  readonly refusals: readonly RefusalView[];
  readonly learningAgreement: readonly LearningAgreementVersion[];
  readonly startedAt: string | null;
  readonly completion: CompletionView | null;
  readonly requirement: {
    readonly status: 'PENDING' | 'FULFILLED' | 'NOT_FULFILLED';
    readonly reasons: readonly RequirementReason[];
  };
  readonly engineeringInternship: {
    readonly obligation: 'NOT_REQUIRED' | 'PENDING' | 'SATISFIED';
    readonly recorded: readonly {
      readonly internshipKind: string;
      readonly timing: string;
      readonly startOn: string;
      readonly endOn: string;
      readonly lastObligation: boolean;
    }[];
  };
}

export type CompletionView =
  | {
      readonly kind: 'CREDITS';
      readonly obtainedEcts: number;
      readonly requiredEcts: number;
      readonly validated: boolean;
    }
  | { readonly kind: 'INTERNSHIP'; readonly startedOn: string; readonly endedOn: string };

/** The stored events of one plan stream, read back as the domain's events (they are ours). */
export const asPlanEvents = (events: readonly StoredEvent[]): MobilityPlanEvent[] =>
  events.map((event) => ({ type: event.type, data: event.data }) as MobilityPlanEvent);

/** Folds a plan stream into its view; null when the stream holds no plan. */
export function planViewOf(stored: readonly StoredEvent[]): PlanView | null {
  const events = asPlanEvents(stored);
  let state: MobilityPlanState = initialMobilityPlanState();
  const refusals: RefusalView[] = [];
  for (const event of events) {
    state = evolveMobilityPlan(state, event);
    if (event.type === 'MobilityRefused') {
      const { authority, refusedBy, refusedAt, personal } = event.data;
      refusals.push({ authority, by: refusedBy, at: refusedAt, reason: personal.reason });
    }
  }
  if (state.status === 'none') return null;
  return toView(state, refusals, stored.length);
}

function toView(plan: ExistingPlan, refusals: readonly RefusalView[], version: number): PlanView {
  return {
    planId: plan.planId,
    studentId: plan.studentId,
    version,
    status: plan.status,
    kind: plan.kind,
    category: plan.category,
    student: wasErased(plan.profile) ? null : plan.profile,
    host: plan.host,
    startOn: toIsoDate(plan.startOn),
    endOn: toIsoDate(plan.endOn),
    plannedEcts: plan.plannedEcts,
    ectsSplit: plan.ectsSplit,
    flags: plan.flags,
    approvals: approvalsView(plan.approvals),
    refusals,
    learningAgreement: plan.learningAgreement,
    startedAt: plan.status === 'in_mobility' || plan.status === 'completed' ? plan.startedAt : null,
    completion: plan.status === 'completed' ? completionView(plan) : null,
    requirement: requirementView(plan),
    engineeringInternship: {
      obligation: engineeringInternshipObligation(plan),
      recorded: plan.internships.map((internship) => ({
        ...internship,
        startOn: toIsoDate(internship.startOn),
        endOn: toIsoDate(internship.endOn),
      })),
    },
  };
}

const approvalsView = (approvals: Approvals): PlanView['approvals'] => ({
  studyAdvisor: approvals.STUDY_ADVISOR,
  trainingDirectorate: approvals.TRAINING_DIRECTORATE,
  internationalOffice: approvals.INTERNATIONAL_OFFICE,
});

function completionView(plan: Extract<ExistingPlan, { status: 'completed' }>): CompletionView {
  const { completion } = plan;
  switch (completion.kind) {
    case 'CREDITS':
      return completion;
    case 'INTERNSHIP':
      return {
        kind: 'INTERNSHIP',
        startedOn: toIsoDate(completion.startedOn),
        endedOn: toIsoDate(completion.endedOn),
      };
    default:
      return assertNever(completion);
  }
}

function requirementView(plan: ExistingPlan): PlanView['requirement'] {
  if (plan.status !== 'completed' || plan.requirement === null) return { status: 'PENDING', reasons: [] };
  const { fulfilled, reasons } = plan.requirement;
  return { status: fulfilled ? 'FULFILLED' : 'NOT_FULFILLED', reasons };
}
