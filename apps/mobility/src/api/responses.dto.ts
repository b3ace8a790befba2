import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgreementPlaces, UnfulfilledStudent } from '../application/mobility.queries';
import type { ApprovalView, PlanView, RefusalView } from '../application/plan-view';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  type AgreementRecord,
  type Authority,
  type Course,
  type EctsSplit,
  type EngineeringInternshipKind,
  type HostRecord,
  type InternshipTiming,
  type LearningAgreementStatus,
  type LearningAgreementVersion,
  MOBILITY_KINDS,
  type MobilityCategory,
  type MobilityKind,
  type PlanFlags,
  type RequirementReason,
  type StudentProfile,
  type StudentRegime,
} from '../domain';
import type {
  ObligationStatus,
  PartnerEntry,
  PlanStatus,
  RecordedInternshipSummary,
  RequirementStatus,
  StudentPlanSummary,
} from '../projections';

// The replies of the mobility API, as the OpenAPI document shows them; each class implements
// the type the application returns, so that a change there fails to compile here.

/** Every value of a union, checked by the compiler: a status added to the union and not here does not compile. */
const valuesOf = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];
const PLAN_STATUSES = valuesOf<PlanStatus>({
  proposed: true,
  refused: true,
  cancelled: true,
  in_mobility: true,
  completed: true,
});
const CATEGORIES: readonly MobilityCategory[] = ['DEGREE_PROGRAMME', 'NON_DEGREE_STUDY', 'INTERNSHIP'];
const AUTHORITIES: readonly Authority[] = ['STUDY_ADVISOR', 'TRAINING_DIRECTORATE', 'INTERNATIONAL_OFFICE'];
const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['PENDING', 'FULFILLED', 'NOT_FULFILLED'];
const OBLIGATIONS: readonly ObligationStatus[] = ['NOT_REQUIRED', 'PENDING', 'SATISFIED'];
const TIMINGS: readonly InternshipTiming[] = ['BEFORE_MOBILITY', 'AFTER_MOBILITY'];
const INTERNSHIP_KINDS: readonly EngineeringInternshipKind[] = ['ENGINEERING', 'FREE'];
const AGREEMENT_STATUSES: readonly LearningAgreementStatus[] = ['PROPOSED', 'APPROVED', 'SUPERSEDED'];

export class StudentProfileViewDto implements StudentProfile {
  @ApiProperty({ enum: ['REGULAR', 'APPRENTICE'] }) regime!: StudentRegime;
  @ApiProperty({ type: 'integer', enum: [1, 2, 3] }) yearOfStudy!: number;
  @ApiProperty() track!: string;
  @ApiProperty() engineeringInternshipValidated!: boolean;
  @ApiProperty() internshipYearValidated!: boolean;
}

export class HostRecordDto implements HostRecord {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the host is not a partner' })
  partnerId!: string | null;
}

export class EctsSplitViewDto implements EctsSplit {
  @ApiProperty() coursesEcts!: number;
  @ApiProperty() projectEcts!: number;
}

export class PlanFlagsDto implements PlanFlags {
  @ApiProperty({ description: 'MOB-4' }) costsBorneByStudent!: boolean;
  @ApiProperty({ description: 'MOB-5 / MOB-6' }) supervisedByStudyAdvisor!: boolean;
  @ApiProperty({ description: 'MOB-7' }) countsOnlyWithDfiAndDri!: boolean;
  @ApiProperty({ description: 'MOB-5' }) engineeringInternshipRequired!: boolean;
  @ApiProperty({ description: 'MOB-6' }) freeInternshipAllowedOnReturn!: boolean;
}

export class ApprovalDto implements ApprovalView {
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ApprovalsDto {
  @ApiProperty({ type: ApprovalDto, nullable: true }) studyAdvisor!: ApprovalDto | null;
  @ApiProperty({ type: ApprovalDto, nullable: true }) trainingDirectorate!: ApprovalDto | null;
  @ApiProperty({ type: ApprovalDto, nullable: true }) internationalOffice!: ApprovalDto | null;
}

export class RefusalViewDto implements RefusalView {
  @ApiProperty({ enum: AUTHORITIES }) authority!: Authority;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
}

export class CourseViewDto implements Course {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ects!: number;
}

export class LearningAgreementVersionDto implements LearningAgreementVersion {
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ type: [CourseViewDto] }) courses!: CourseViewDto[];
  @ApiProperty() totalEcts!: number;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: LearningAgreementStatus;
  @ApiProperty({ description: 'Proposed during the mobility' }) duringMobility!: boolean;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
}

/** CREDITS: obtainedEcts, requiredEcts, validated; INTERNSHIP: startedOn, endedOn. */
export class CompletionDto {
  @ApiProperty({ enum: ['CREDITS', 'INTERNSHIP'] }) kind!: 'CREDITS' | 'INTERNSHIP';
  @ApiPropertyOptional() obtainedEcts?: number;
  @ApiPropertyOptional() requiredEcts?: number;
  @ApiPropertyOptional() validated?: boolean;
  @ApiPropertyOptional({ format: 'date' }) startedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) endedOn?: string;
}

export class RequirementReasonDto implements RequirementReason {
  @ApiProperty({ example: 'MOB-1' }) ruleId!: string;
  @ApiProperty() message!: string;
}

export class PlanRequirementDto {
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) status!: RequirementStatus;
  @ApiProperty({ type: [RequirementReasonDto] }) reasons!: RequirementReasonDto[];
}

export class RecordedInternshipDto implements RecordedInternshipSummary {
  @ApiProperty({ enum: INTERNSHIP_KINDS }) internshipKind!: EngineeringInternshipKind;
  @ApiProperty({ enum: TIMINGS }) timing!: InternshipTiming;
  @ApiProperty({ format: 'date' }) startOn!: string;
  @ApiProperty({ format: 'date' }) endOn!: string;
  @ApiProperty() lastObligation!: boolean;
}

export class PlanInternshipsDto {
  @ApiProperty({ enum: OBLIGATIONS }) obligation!: ObligationStatus;
  @ApiProperty({ type: [RecordedInternshipDto] }) recorded!: RecordedInternshipDto[];
}

/** A plan with its approvals, refusals, learning agreement versions and MOB-1 requirement. */
export class PlanDto implements PlanView {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() studentId!: string;
  @ApiProperty({ type: 'integer', description: 'Events recorded on the plan' }) version!: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ enum: MOBILITY_KINDS }) kind!: MobilityKind;
  @ApiProperty({ enum: CATEGORIES }) category!: MobilityCategory;
  @ApiProperty({ type: StudentProfileViewDto, nullable: true, description: 'null once the student is erased' })
  student!: StudentProfileViewDto | null;
  @ApiProperty({ type: HostRecordDto }) host!: HostRecordDto;
  @ApiProperty({ format: 'date' }) startOn!: string;
  @ApiProperty({ format: 'date' }) endOn!: string;
  @ApiProperty({ type: Number, nullable: true }) plannedEcts!: number | null;
  @ApiProperty({ type: EctsSplitViewDto, nullable: true }) ectsSplit!: EctsSplitViewDto | null;
  @ApiProperty({ type: PlanFlagsDto }) flags!: PlanFlagsDto;
  @ApiProperty({ type: ApprovalsDto }) approvals!: ApprovalsDto;
  @ApiProperty({ type: [RefusalViewDto] }) refusals!: RefusalViewDto[];
  @ApiProperty({ type: [LearningAgreementVersionDto] }) learningAgreement!: LearningAgreementVersionDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: CompletionDto, nullable: true }) completion!: PlanView['completion'];
  @ApiProperty({ type: PlanRequirementDto }) requirement!: PlanRequirementDto;
  @ApiProperty({ type: PlanInternshipsDto }) engineeringInternship!: PlanInternshipsDto;
}

export class LearningAgreementDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) planStatus!: PlanStatus;
  @ApiProperty({ type: 'integer', nullable: true }) approvedVersion!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) latestVersion!: number | null;
  @ApiProperty({ type: [LearningAgreementVersionDto], description: 'Oldest first' })
  versions!: LearningAgreementVersionDto[];
}

export class AgreementViewDto implements AgreementRecord {
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind!: AgreementKind;
  @ApiProperty({ type: 'integer' }) placesPerAcademicYear!: number;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
}

export class PartnerDto {
  @ApiProperty() partnerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ type: [AgreementViewDto] }) agreements!: AgreementViewDto[];
}

export class PartnerEntryDto extends PartnerDto implements Omit<PartnerEntry, '_id' | '_position'> {
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) changedAt!: string | null;
}

export class PlanRefDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: MOBILITY_KINDS }) kind!: MobilityKind;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
}

export class PlacesByStatusDto {
  @ApiProperty({ type: 'integer' }) proposed!: number;
  @ApiProperty({ type: 'integer' }) inMobility!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
}

export class AgreementPlacesDto implements AgreementPlaces {
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind!: AgreementKind;
  @ApiProperty({ type: 'integer' }) placesPerAcademicYear!: number;
  @ApiProperty({ type: 'integer', description: 'Plans not refused that hold a place' }) used!: number;
  @ApiProperty({ type: 'integer', description: 'Negative when over-subscribed' }) remaining!: number;
  @ApiProperty({ type: PlacesByStatusDto }) byStatus!: PlacesByStatusDto;
  @ApiProperty({ type: [PlanRefDto] }) plans!: PlanRefDto[];
}

export class PartnerPlacesDto {
  @ApiProperty() partnerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-2027' }) academicYear!: string;
  @ApiProperty({ type: [AgreementPlacesDto], description: 'The agreements in force that year' })
  agreements!: AgreementPlacesDto[];
  @ApiProperty({ type: [PlanRefDto], description: 'Plans with this partner that use no agreement' })
  otherPlans!: PlanRefDto[];
}

export class FulfilledByDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: MOBILITY_KINDS }) kind!: MobilityKind;
  @ApiProperty({ format: 'date-time' }) fulfilledAt!: string;
}

export class PlanApprovalFlagsDto implements Record<Authority, boolean> {
  @ApiProperty() STUDY_ADVISOR!: boolean;
  @ApiProperty() TRAINING_DIRECTORATE!: boolean;
  @ApiProperty() INTERNATIONAL_OFFICE!: boolean;
}

export class PlanAgreementVersionsDto {
  @ApiProperty({ type: 'integer', nullable: true }) latestVersion!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) approvedVersion!: number | null;
}

export class PlanObligationDto {
  @ApiProperty() required!: boolean;
  @ApiProperty() validatedBeforeLeaving!: boolean;
  @ApiProperty({ enum: OBLIGATIONS }) obligation!: ObligationStatus;
  @ApiProperty({ type: [RecordedInternshipDto] }) recorded!: RecordedInternshipDto[];
}

export class StudentPlanDto implements StudentPlanSummary {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: MOBILITY_KINDS }) kind!: MobilityKind;
  @ApiProperty({ enum: CATEGORIES }) category!: MobilityCategory;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ type: HostRecordDto }) host!: HostRecordDto;
  @ApiProperty({ format: 'date' }) startOn!: string;
  @ApiProperty({ format: 'date' }) endOn!: string;
  @ApiProperty({ example: '2026-2027' }) academicYear!: string;
  @ApiProperty({ type: Number, nullable: true }) plannedEcts!: number | null;
  @ApiProperty({ type: PlanApprovalFlagsDto }) approvals!: PlanApprovalFlagsDto;
  @ApiProperty({ type: PlanAgreementVersionsDto }) learningAgreement!: PlanAgreementVersionsDto;
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) requirement!: RequirementStatus;
  @ApiProperty({ type: [RequirementReasonDto] }) reasons!: RequirementReasonDto[];
  @ApiProperty({ type: PlanObligationDto }) engineeringInternship!: PlanObligationDto;
  @ApiProperty({ description: 'MOB-6' }) freeInternshipAllowedOnReturn!: boolean;
}

/** A student's mobility status (MOB-1) over their plans. */
export class StudentMobilityDto {
  @ApiProperty() studentId!: string;
  @ApiProperty({
    type: StudentProfileViewDto,
    nullable: true,
    description: "As given with the student's latest plan; null once the student is erased",
  })
  profile!: StudentProfileViewDto | null;
  @ApiProperty({ description: 'MOB-1' }) requirementFulfilled!: boolean;
  @ApiProperty({ type: FulfilledByDto, nullable: true }) fulfilledBy!: FulfilledByDto | null;
  @ApiProperty({ enum: OBLIGATIONS, description: 'MOB-5 / MOB-6' }) engineeringInternship!: ObligationStatus;
  @ApiProperty({ type: [StudentPlanDto] }) plans!: StudentPlanDto[];
}

export class UnfulfilledPlanDto extends PlanRefDto {
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) requirement!: RequirementStatus;
}

export class UnfulfilledStudentDto implements UnfulfilledStudent {
  @ApiProperty() studentId!: string;
  @ApiProperty({ enum: ['REGULAR', 'APPRENTICE'] }) regime!: string;
  @ApiProperty({ type: [UnfulfilledPlanDto] }) plans!: UnfulfilledPlanDto[];
}

export class UnfulfilledReportDto {
  @ApiProperty({ type: 'integer', enum: [1, 2, 3] }) yearOfStudy!: number;
  @ApiProperty() track!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: [UnfulfilledStudentDto], description: 'By student id' }) students!: UnfulfilledStudentDto[];
}
