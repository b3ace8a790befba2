import { CalendarDate } from '@admissions/domain-kernel';
import { HostRecord, RequirementReason } from './mobility-plan.events';
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
