import { DomainEvent } from '@admissions/domain-kernel';
import { IsoDate } from '../shared/iso-date';
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

export interface HostRecord {
  readonly name: string;
  readonly country: string;
  readonly partnerId: string | null;
}

/** The plan as stored in events: ISO dates, the partner reduced to its id, the flags computed. */
export interface PlanRecord {
  readonly planId: string;
  readonly studentId: string;
  readonly kind: MobilityKind;
  readonly category: MobilityCategory;
  readonly host: HostRecord;
  readonly startOn: IsoDate;
  readonly endOn: IsoDate;
  readonly plannedEcts: number | null;
  readonly ectsSplit: EctsSplit | null;
  readonly flags: PlanFlags;
  /** The student's situation is personal data, kept apart so that it can be erased. */
  readonly personal: { readonly profile: StudentProfile };
}

type PlanEvent<Type extends string, Data> = DomainEvent<
  Type,
  Data & { readonly planId: string; readonly studentId: string }
>;

export type MobilityPlanProposed = PlanEvent<'MobilityPlanProposed', PlanRecord & { readonly proposedAt: string }>;
/** Approvals given to the previous version of the plan no longer hold. */
export type MobilityPlanChanged = PlanEvent<'MobilityPlanChanged', PlanRecord & { readonly changedAt: string }>;

export type MobilityApproved = PlanEvent<
  'MobilityApproved',
  {
    readonly authority: Authority;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }
>;
export type MobilityRefused = PlanEvent<
  'MobilityRefused',
  {
    readonly authority: Authority;
    readonly refusedBy: string;
    readonly refusedAt: string;
    readonly personal: { readonly reason: string };
  }
>;

/** MOB-10: the plan is given up before departure; a place it held is freed. */
export type MobilityPlanCancelled = PlanEvent<
  'MobilityPlanCancelled',
  { readonly cancelledBy: string; readonly cancelledAt: string }
>;

interface LearningAgreementVersionData {
  readonly version: number;
  readonly courses: readonly Course[];
  readonly totalEcts: number;
}
export type LearningAgreementProposed = PlanEvent<
  'LearningAgreementProposed',
  LearningAgreementVersionData & { readonly proposedAt: string }
>;
export type LearningAgreementChanged = PlanEvent<
  'LearningAgreementChanged',
  LearningAgreementVersionData & { readonly changedAt: string }
>;
export type LearningAgreementApproved = PlanEvent<
  'LearningAgreementApproved',
  {
    readonly version: number;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }
>;

export type MobilityStarted = PlanEvent<'MobilityStarted', { readonly startedBy: string; readonly startedAt: string }>;
export type CreditsRecorded = PlanEvent<
  'CreditsRecorded',
  {
    readonly obtainedEcts: number;
    readonly requiredEcts: number;
    readonly validated: boolean;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;
export type InternshipCompleted = PlanEvent<
  'InternshipCompleted',
  {
    readonly startedOn: IsoDate;
    readonly endedOn: IsoDate;
    readonly days: number;
    readonly completedBy: string;
    readonly completedAt: string;
  }
>;

export interface RequirementReason {
  readonly ruleId: string;
  readonly message: string;
}
/** MOB-1: this completed mobility gives the student the international experience required. */
export type MobilityRequirementFulfilled = PlanEvent<
  'MobilityRequirementFulfilled',
  { readonly kind: MobilityKind; readonly fulfilledAt: string }
>;
/** MOB-1: the mobility is completed but does not count, with the reasons why. */
export type MobilityRequirementNotFulfilled = PlanEvent<
  'MobilityRequirementNotFulfilled',
  {
    readonly kind: MobilityKind;
    readonly reasons: readonly RequirementReason[];
    readonly assessedAt: string;
  }
>;

export type EngineeringInternshipRecorded = PlanEvent<
  'EngineeringInternshipRecorded',
  {
    readonly internshipKind: EngineeringInternshipKind;
    readonly timing: InternshipTiming;
    readonly startOn: IsoDate;
    readonly endOn: IsoDate;
    readonly lastObligation: boolean;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type MobilityPlanEvent =
  | MobilityPlanProposed
  | MobilityPlanChanged
  | MobilityApproved
  | MobilityRefused
  | MobilityPlanCancelled
  | LearningAgreementProposed
  | LearningAgreementChanged
  | LearningAgreementApproved
  | MobilityStarted
  | CreditsRecorded
  | InternshipCompleted
  | MobilityRequirementFulfilled
  | MobilityRequirementNotFulfilled
  | EngineeringInternshipRecorded;
