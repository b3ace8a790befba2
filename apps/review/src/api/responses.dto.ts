import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CandidatePersonal,
  DiplomaSummary,
  EligibilityCheck,
  EligibilityExplanation,
  EligibilityStatus,
  Equivalence,
  FileSummary,
  InterviewMode,
  NotAdmissibleReason,
  NotAdmissibleReasonCode,
  OpinionKind,
} from '../domain';
import {
  REVIEW_STATUSES,
  type CorrectionView,
  type OpinionView,
  type ReviewStatus,
} from '../projections/review-view.projection';
import type { ReviewResponse } from '../application/review.queries';
import type { ReviewCommandResponse } from './reviews.controller';

// The replies of the review API, as the OpenAPI document shows them; each class implements the
// type the controller returns, so that a change there fails to compile here.

const OPINIONS: readonly OpinionKind[] = ['FAVOURABLE', 'UNFAVOURABLE'];
const MODES: readonly InterviewMode[] = ['ONSITE', 'VIDEO'];
const EQUIVALENCES: readonly Equivalence[] = ['NOT_REQUIRED', 'PENDING', 'CONFIRMED', 'REFUSED'];
const INTERVIEW_STATUSES = ['NONE', 'SCHEDULED', 'CANCELLED', 'HELD'] as const;
const NOT_ADMISSIBLE_CODES: readonly NotAdmissibleReasonCode[] = [
  'UNFAVOURABLE_OPINION',
  'INCONCLUSIVE_INTERVIEW',
  'EQUIVALENCE_REFUSED',
];

export class EligibilityCheckDto implements EligibilityCheck {
  @ApiProperty({ example: 'ELIG-1' }) ruleId!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty() reason!: string;
}

export class EligibilityExplanationDto implements EligibilityExplanation {
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [EligibilityCheckDto] }) checks!: EligibilityCheckDto[];
}

export class DiplomaSummaryDto implements DiplomaSummary {
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiPropertyOptional({ description: 'Foreign diplomas only (ELIG-5)' }) declaredLevel?: string;
}

export class FileSummaryDto implements FileSummary {
  @ApiProperty({ type: 'integer', description: 'Bac+N' }) diplomaLevel!: number;
  @ApiProperty() diplomaKind!: string;
  @ApiProperty({ type: 'integer' }) experienceMonths!: number;
  @ApiProperty({ example: 'ELIG-1' }) eligibilityRuleId!: string;
  @ApiProperty({ type: EligibilityExplanationDto }) eligibilityExplanation!: EligibilityExplanationDto;
  @ApiProperty({ type: [DiplomaSummaryDto] }) diplomas!: DiplomaSummaryDto[];
  @ApiProperty({ type: [String] }) documentIds!: string[];
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

export class CandidatePersonalDto implements CandidatePersonal {
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional() phone?: string;
}

export class InterviewViewDto {
  @ApiProperty({ enum: INTERVIEW_STATUSES }) status!: (typeof INTERVIEW_STATUSES)[number];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startsAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'startsAt in Europe/Paris time' })
  startsAtParis!: string | null;
  @ApiProperty({ enum: MODES, nullable: true }) mode!: InterviewMode | null;
  @ApiProperty({ type: String, nullable: true }) room!: string | null;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) conclusive!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
}

export class OpinionViewDto implements OpinionView {
  @ApiProperty({ enum: OPINIONS }) opinion!: OpinionKind;
  @ApiProperty() motivation!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
}

export class CorrectionViewDto implements CorrectionView {
  @ApiProperty({ enum: OPINIONS }) opinion!: OpinionKind;
  @ApiProperty() motivation!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) correctedAt!: string;
}

export class NotAdmissibleReasonDto implements NotAdmissibleReason {
  @ApiProperty({ enum: NOT_ADMISSIBLE_CODES }) code!: NotAdmissibleReasonCode;
  @ApiProperty() explanation!: string;
}

/** One review as its lead reads it: the file, the interview, the opinion and the outcome (REV-1..4). */
export class ReviewDto implements ReviewResponse {
  @ApiProperty() candidacyId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() programmeCode!: string;
  @ApiProperty({ type: String, nullable: true }) leadId!: string | null;
  @ApiProperty({ type: 'integer', description: 'CAND-3' }) submissionRank!: number;
  @ApiProperty({ enum: ['ELIGIBLE', 'PENDING_EQUIVALENCE'] }) eligibility!: EligibilityStatus;
  @ApiProperty({ enum: EQUIVALENCES, description: 'ELIG-5' }) equivalence!: Equivalence;
  @ApiProperty({ type: String, nullable: true }) equivalenceRefusal!: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: ReviewStatus;
  @ApiProperty({ type: FileSummaryDto, nullable: true }) fileSummary!: FileSummaryDto | null;
  @ApiProperty({ type: CandidatePersonalDto, nullable: true }) personal!: CandidatePersonalDto | null;
  @ApiProperty({ type: InterviewViewDto }) interview!: InterviewViewDto;
  @ApiProperty({ type: OpinionViewDto, nullable: true }) opinion!: OpinionViewDto | null;
  @ApiProperty({ type: [CorrectionViewDto] }) corrections!: CorrectionViewDto[];
  @ApiProperty({ type: NotAdmissibleReasonDto, nullable: true }) notAdmissibleReason!: NotAdmissibleReasonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The interview as the command left it; the fields of its status appear with it. */
export class CommandInterviewDto {
  @ApiProperty({ enum: INTERVIEW_STATUSES }) status!: (typeof INTERVIEW_STATUSES)[number];
  @ApiPropertyOptional({ format: 'date-time' }) startsAt?: string;
  @ApiPropertyOptional({ description: 'startsAt in Europe/Paris time' }) startsAtParis?: string;
  @ApiPropertyOptional({ enum: MODES }) mode?: InterviewMode;
  @ApiPropertyOptional({ type: String, nullable: true }) room?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) link?: string | null;
  @ApiPropertyOptional() conclusive?: boolean;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why it was cancelled' }) reason?: string | null;
}

export class ReasonedOpinionDto {
  @ApiProperty({ enum: OPINIONS }) opinion!: OpinionKind;
  @ApiProperty() motivation!: string;
}

/** What a lead's command answers: where the review stands now (the same when a command is repeated). */
export class ReviewCommandResultDto implements Omit<ReviewCommandResponse, 'interview'> {
  @ApiProperty() candidacyId!: string;
  @ApiProperty({ enum: ['NOT_OPENED', 'OPEN', 'ADMISSIBLE', 'NOT_ADMISSIBLE', 'CLOSED'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) leadId!: string | null;
  @ApiProperty({ enum: EQUIVALENCES, nullable: true }) equivalence!: string | null;
  @ApiProperty({ type: CommandInterviewDto, nullable: true }) interview!: CommandInterviewDto | null;
  @ApiProperty({ type: ReasonedOpinionDto, nullable: true }) opinion!: ReasonedOpinionDto | null;
}
