import { assertNever, CalendarDate } from '@admissions/domain-kernel';
import { fromIsoDate } from '../shared/iso-date';
import {
  EngineeringInternshipRecorded,
  HostRecord,
  LearningAgreementApproved,
  MobilityPlanEvent,
  PlanRecord,
  RequirementReason,
} from './mobility-plan.events';
import type { PlanFlags } from './mobility-plan.types';
import {
  Authority,
  Course,
  EctsSplit,
  EngineeringInternshipKind,
  InternshipTiming,
  MobilityCategory,
  MobilityKind,
  StudentProfile,
} from './mobility-plan.types';

export interface ApprovalRecord {
  readonly by: string;
  readonly at: string;
}

export type Approvals = { readonly [A in Authority]: ApprovalRecord | null };

export const NO_APPROVALS: Approvals = {
  STUDY_ADVISOR: null,
  TRAINING_DIRECTORATE: null,
  INTERNATIONAL_OFFICE: null,
};

export type LearningAgreementStatus = 'PROPOSED' | 'APPROVED' | 'SUPERSEDED';

/** One version of the learning agreement; every version is kept, the last one is current. */
export interface LearningAgreementVersion {
  readonly version: number;
  readonly courses: readonly Course[];
  readonly totalEcts: number;
  readonly status: LearningAgreementStatus;
  /** true when proposed through ChangeLearningAgreement, during the mobility. */
  readonly duringMobility: boolean;
  readonly proposedAt: string;
  readonly approvedAt: string | null;
}

export interface RecordedInternship {
  readonly internshipKind: EngineeringInternshipKind;
  readonly timing: InternshipTiming;
  readonly startOn: CalendarDate;
  readonly endOn: CalendarDate;
  readonly lastObligation: boolean;
}

export interface PlanFacts {
  readonly planId: string;
  readonly studentId: string;
  readonly profile: StudentProfile;
  readonly kind: MobilityKind;
  readonly category: MobilityCategory;
  readonly host: HostRecord;
  readonly startOn: CalendarDate;
  readonly endOn: CalendarDate;
  readonly plannedEcts: number | null;
  readonly ectsSplit: EctsSplit | null;
  readonly flags: PlanFlags;
  readonly approvals: Approvals;
  readonly learningAgreement: readonly LearningAgreementVersion[];
  readonly internships: readonly RecordedInternship[];
}

export type Completion =
  | {
      readonly kind: 'CREDITS';
      readonly obtainedEcts: number;
      readonly requiredEcts: number;
      readonly validated: boolean;
    }
  | {
      readonly kind: 'INTERNSHIP';
      readonly startedOn: CalendarDate;
      readonly endedOn: CalendarDate;
    };

export interface RequirementAssessment {
  readonly fulfilled: boolean;
  readonly reasons: readonly RequirementReason[];
}

export type NoPlan = { readonly status: 'none' };
export type ProposedPlan = PlanFacts & { readonly status: 'proposed' };
export type RefusedPlan = PlanFacts & {
  readonly status: 'refused';
  readonly refusedBy: Authority;
  readonly refusedAt: string;
};
export type CancelledPlan = PlanFacts & {
  readonly status: 'cancelled';
  readonly cancelledAt: string;
};
export type PlanInMobility = PlanFacts & {
  readonly status: 'in_mobility';
  readonly startedAt: string;
};
export type CompletedPlan = PlanFacts & {
  readonly status: 'completed';
  readonly startedAt: string;
  readonly completion: Completion;
  /** null until the MOB-1 assessment event that follows the completion. */
  readonly requirement: RequirementAssessment | null;
};

export type MobilityPlanState = NoPlan | ProposedPlan | RefusedPlan | CancelledPlan | PlanInMobility | CompletedPlan;
export type ExistingPlan = Exclude<MobilityPlanState, NoPlan>;

export const initialMobilityPlanState = (): MobilityPlanState => ({
  status: 'none',
});

export function evolveMobilityPlan(state: MobilityPlanState, event: MobilityPlanEvent): MobilityPlanState {
  switch (event.type) {
    case 'MobilityPlanProposed':
      return { status: 'proposed', ...factsFrom(event.data, undefined) };
    case 'MobilityPlanChanged':
      return {
        status: 'proposed',
        ...factsFrom(event.data, state.status === 'none' ? undefined : state),
      };
    default:
      return state.status === 'none' ? state : evolveExisting(state, event);
  }
}

function evolveExisting(state: ExistingPlan, event: MobilityPlanEvent): MobilityPlanState {
  switch (event.type) {
    case 'MobilityPlanProposed':
    case 'MobilityPlanChanged':
      return evolveMobilityPlan(state, event);
    case 'MobilityApproved': {
      const { authority, approvedBy, approvedAt } = event.data;
      return {
        ...state,
        approvals: {
          ...state.approvals,
          [authority]: { by: approvedBy, at: approvedAt },
        },
      };
    }
    case 'MobilityRefused':
      return {
        ...factsOf(state),
        status: 'refused',
        refusedBy: event.data.authority,
        refusedAt: event.data.refusedAt,
      };
    case 'MobilityPlanCancelled':
      return { ...factsOf(state), status: 'cancelled', cancelledAt: event.data.cancelledAt };
    case 'LearningAgreementProposed':
    case 'LearningAgreementChanged': {
      const { version, courses, totalEcts } = event.data;
      const duringMobility = event.type === 'LearningAgreementChanged';
      const proposedAt = event.type === 'LearningAgreementChanged' ? event.data.changedAt : event.data.proposedAt;
      const previous = state.learningAgreement.map((v) =>
        v.status === 'PROPOSED' ? { ...v, status: 'SUPERSEDED' as const } : v,
      );
      const added: LearningAgreementVersion = {
        version,
        courses,
        totalEcts,
        status: 'PROPOSED',
        duringMobility,
        proposedAt,
        approvedAt: null,
      };
      return { ...state, learningAgreement: [...previous, added] };
    }
    case 'LearningAgreementApproved':
      return {
        ...state,
        learningAgreement: state.learningAgreement.map((v) => approved(v, event)),
      };
    case 'MobilityStarted':
      return {
        ...factsOf(state),
        status: 'in_mobility',
        startedAt: event.data.startedAt,
      };
    case 'CreditsRecorded': {
      const { obtainedEcts, requiredEcts, validated } = event.data;
      const completion = {
        kind: 'CREDITS' as const,
        obtainedEcts,
        requiredEcts,
        validated,
      };
      return {
        ...factsOf(state),
        status: 'completed',
        startedAt: startedAtOf(state),
        completion,
        requirement: null,
      };
    }
    case 'InternshipCompleted': {
      const completion = {
        kind: 'INTERNSHIP' as const,
        startedOn: fromIsoDate(event.data.startedOn),
        endedOn: fromIsoDate(event.data.endedOn),
      };
      return {
        ...factsOf(state),
        status: 'completed',
        startedAt: startedAtOf(state),
        completion,
        requirement: null,
      };
    }
    case 'MobilityRequirementFulfilled':
      return state.status === 'completed' ? { ...state, requirement: { fulfilled: true, reasons: [] } } : state;
    case 'MobilityRequirementNotFulfilled':
      return state.status === 'completed'
        ? {
            ...state,
            requirement: { fulfilled: false, reasons: event.data.reasons },
          }
        : state;
    case 'EngineeringInternshipRecorded':
      return {
        ...state,
        internships: [...state.internships, internshipFrom(event)],
      };
    default:
      return assertNever(event);
  }
}

/** A changed plan keeps its learning-agreement history and recorded internships; approvals start over. */
function factsFrom(record: PlanRecord, previous: ExistingPlan | undefined): PlanFacts {
  return {
    planId: record.planId,
    studentId: record.studentId,
    profile: record.personal.profile,
    kind: record.kind,
    category: record.category,
    host: record.host,
    startOn: fromIsoDate(record.startOn),
    endOn: fromIsoDate(record.endOn),
    plannedEcts: record.plannedEcts,
    ectsSplit: record.ectsSplit,
    flags: record.flags,
    approvals: NO_APPROVALS,
    learningAgreement: previous?.learningAgreement ?? [],
    internships: previous?.internships ?? [],
  };
}

function factsOf(state: ExistingPlan): PlanFacts {
  const { planId, studentId, profile, kind, category, host, startOn, endOn, plannedEcts, ectsSplit, flags } = state;
  const { approvals, learningAgreement, internships } = state;
  return {
    planId,
    studentId,
    profile,
    kind,
    category,
    host,
    startOn,
    endOn,
    plannedEcts,
    ectsSplit,
    flags,
    approvals,
    learningAgreement,
    internships,
  };
}

const startedAtOf = (state: ExistingPlan): string =>
  state.status === 'in_mobility' || state.status === 'completed' ? state.startedAt : '';

function approved(version: LearningAgreementVersion, event: LearningAgreementApproved): LearningAgreementVersion {
  if (version.version === event.data.version)
    return {
      ...version,
      status: 'APPROVED',
      approvedAt: event.data.approvedAt,
    };
  return version.status === 'APPROVED' ? { ...version, status: 'SUPERSEDED' } : version;
}

const internshipFrom = (event: EngineeringInternshipRecorded) => ({
  internshipKind: event.data.internshipKind,
  timing: event.data.timing,
  startOn: fromIsoDate(event.data.startOn),
  endOn: fromIsoDate(event.data.endOn),
  lastObligation: event.data.lastObligation,
});
