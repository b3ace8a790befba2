import { CalendarDate, Command } from '@admissions/domain-kernel';
import { Course, EngineeringInternshipKind, PlanDraft } from './mobility-plan.types';

type PlanRef = { readonly planId: string };

export type ProposePlan = Command<'ProposePlan', PlanDraft & PlanRef & { readonly studentId: string }>;
export type ChangePlan = Command<'ChangePlan', PlanDraft & PlanRef>;

export type ApproveByStudyAdvisor = Command<'ApproveByStudyAdvisor', PlanRef>;
export type ApproveByTrainingDirectorate = Command<'ApproveByTrainingDirectorate', PlanRef>;
export type ApproveByInternationalOffice = Command<'ApproveByInternationalOffice', PlanRef>;
export type RefuseByStudyAdvisor = Command<'RefuseByStudyAdvisor', PlanRef & { readonly reason: string }>;
export type RefuseByTrainingDirectorate = Command<'RefuseByTrainingDirectorate', PlanRef & { readonly reason: string }>;
export type RefuseByInternationalOffice = Command<'RefuseByInternationalOffice', PlanRef & { readonly reason: string }>;

/** MOB-10: the student, or the international office, gives up a plan not yet started; its place is freed. */
export type CancelPlan = Command<'CancelPlan', PlanRef>;

export type ProposeLearningAgreement = Command<
  'ProposeLearningAgreement',
  PlanRef & { readonly courses: readonly Course[] }
>;
export type ChangeLearningAgreement = Command<
  'ChangeLearningAgreement',
  PlanRef & { readonly courses: readonly Course[] }
>;
/** `version` names the version the advisor read, so a stale approval is refused. */
export type ApproveLearningAgreement = Command<'ApproveLearningAgreement', PlanRef & { readonly version: number }>;

export type StartMobility = Command<'StartMobility', PlanRef>;
export type RecordCredits = Command<'RecordCredits', PlanRef & { readonly obtainedEcts: number }>;
export type CompleteInternship = Command<
  'CompleteInternship',
  PlanRef & { readonly startedOn: CalendarDate; readonly endedOn: CalendarDate }
>;
/**
 * MOB-5 / MOB-6: the internship done at the school around an exchange. Its timing (before or after
 * the mobility) follows from its dates; `lastObligation` says it is the last thing left to graduate.
 */
export type RecordEngineeringInternship = Command<
  'RecordEngineeringInternship',
  PlanRef & {
    readonly internshipKind: EngineeringInternshipKind;
    readonly startOn: CalendarDate;
    readonly endOn: CalendarDate;
    readonly lastObligation: boolean;
  }
>;

export type MobilityPlanCommand =
  | ProposePlan
  | ChangePlan
  | ApproveByStudyAdvisor
  | ApproveByTrainingDirectorate
  | ApproveByInternationalOffice
  | RefuseByStudyAdvisor
  | RefuseByTrainingDirectorate
  | RefuseByInternationalOffice
  | CancelPlan
  | ProposeLearningAgreement
  | ChangeLearningAgreement
  | ApproveLearningAgreement
  | StartMobility
  | RecordCredits
  | CompleteInternship
  | RecordEngineeringInternship;
