import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CandidateSpaceView, PipelineView, ProgrammeView } from '../application/candidacy.queries';
import type { FileSummary } from '../application/candidacy-writer';
import type { AttachedDocumentSummary } from '../application/document.handlers';
import {
  type ApplicationWindow,
  type CandidacyEvent,
  DECLARED_LEVELS,
  type DeclaredLevel,
  DIPLOMA_KINDS,
  type Diploma,
  type DiplomaKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  type EligibilityCheck,
  type EligibilityResult,
  type EligibilityRuleId,
  type EligibilityStatus,
  INTAKES,
  type Intake,
  LANGUAGES,
  type Language,
  type Personal,
  type PostalAddress,
  type ProgrammeDetails,
} from '../domain';
import type { CandidateFileEntry, PipelineFile, TimelineEntry } from '../projections';

// The replies of the candidacy API, as the OpenAPI document shows them; each class implements
// the type the application returns, so that a change there fails to compile here.

const FILE_STATUSES = ['DRAFT', 'SUBMITTED', 'WITHDRAWN'] as const;
type FileStatus = (typeof FILE_STATUSES)[number];
const ELIGIBILITY_STATUSES: readonly EligibilityStatus[] = ['ELIGIBLE', 'PENDING_EQUIVALENCE', 'INELIGIBLE'];
const ELIGIBILITY_RULES: readonly EligibilityRuleId[] = ['ELIG-1', 'ELIG-2', 'ELIG-3', 'ELIG-4', 'ELIG-5'];
const MISSING_PARTS = [
  'personal',
  'diplomas',
  'experienceMonths',
  'documents.CV',
  'documents.MOTIVATION_LETTER',
  'programmeCode',
];
const CANDIDACY_EVENT_TYPES: readonly CandidacyEvent['type'][] = [
  'CandidacyOpened',
  'IdentityUpdated',
  'DiplomasRecorded',
  'ExperienceRecorded',
  'EligibilityAssessed',
  'ProgrammeChosen',
  'DocumentAttached',
  'DocumentRemoved',
  'CandidacySubmitted',
  'SubmissionRanked',
  'CandidacyWithdrawn',
];

export class EligibilityCheckDto implements EligibilityCheck {
  @ApiProperty({ enum: ELIGIBILITY_RULES }) ruleId!: EligibilityRuleId;
  @ApiProperty() passed!: boolean;
  @ApiProperty() reason!: string;
}

/** ELIG-6: the assessment, explained rule by rule. */
export class EligibilityDto implements EligibilityResult {
  @ApiProperty({ enum: ELIGIBILITY_STATUSES }) status!: EligibilityStatus;
  @ApiPropertyOptional({ enum: ELIGIBILITY_RULES, description: 'The rule that granted the status' })
  matchedRule?: EligibilityRuleId;
  @ApiProperty({ type: [EligibilityCheckDto] }) checks!: EligibilityCheckDto[];
  @ApiProperty() reason!: string;
}

/** A file after a command: where it stands and what it still lacks (CAND-2). */
export class FileSummaryDto implements FileSummary {
  @ApiProperty({ format: 'uuid' }) candidacyId!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiPropertyOptional() programmeCode?: string;
  @ApiPropertyOptional({ type: EligibilityDto }) eligibility?: EligibilityDto;
  @ApiProperty({ type: [String], enum: MISSING_PARTS, description: 'CAND-2: empty once the file is complete' })
  missing!: string[];
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'CAND-3: position in submission order' }) rank?: number;
}

export class AttachedDocumentSummaryDto extends FileSummaryDto implements AttachedDocumentSummary {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lower-case hex' }) sha256!: string;
  @ApiProperty({ type: 'integer' }) sizeBytes!: number;
}

export class CandidateFileEntryDto implements CandidateFileEntry {
  @ApiProperty({ format: 'uuid' }) candidacyId!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

export class AddressViewDto implements PostalAddress {
  @ApiProperty() street!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
}

export class PersonalViewDto implements Personal {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional({ format: 'date' }) birthDate?: string;
  @ApiPropertyOptional({ type: AddressViewDto }) address?: AddressViewDto;
}

export class DiplomaViewDto implements Diploma {
  @ApiProperty({ enum: DIPLOMA_KINDS }) kind!: DiplomaKind;
  @ApiProperty() title!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiPropertyOptional({ enum: DECLARED_LEVELS }) declaredLevel?: DeclaredLevel;
}

export class SpaceDocumentDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() fileName!: string;
  @ApiProperty({ type: 'integer' }) sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) attachedAt!: string;
}

export class TimelineEntryDto implements TimelineEntry {
  @ApiProperty({ enum: CANDIDACY_EVENT_TYPES, description: 'What happened' }) type!: CandidacyEvent['type'];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() summary!: string;
}

/** CAND-1: the candidate space. Parts not yet given are left out. */
export class CandidateSpaceDto implements CandidateSpaceView {
  @ApiProperty({ format: 'uuid' }) candidacyId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({
    type: PersonalViewDto,
    description: "Once the person is erased, firstName, lastName and email read '[erased]', and nothing else is given",
  })
  personal?: PersonalViewDto;
  @ApiPropertyOptional({ enum: LANGUAGES }) preferredLanguage?: Language;
  @ApiPropertyOptional({ type: [DiplomaViewDto] }) diplomas?: DiplomaViewDto[];
  @ApiPropertyOptional({ type: 'integer' }) experienceMonths?: number;
  @ApiPropertyOptional({ type: EligibilityDto }) eligibility?: EligibilityDto;
  @ApiPropertyOptional() programmeCode?: string;
  @ApiProperty({ type: [SpaceDocumentDto] }) documents!: SpaceDocumentDto[];
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional({ type: 'integer' }) rank?: number;
  @ApiPropertyOptional({ format: 'date-time' }) withdrawnAt?: string;
  @ApiProperty({ type: [String], enum: MISSING_PARTS }) missing!: string[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
}

export class ApplicationWindowViewDto implements ApplicationWindow {
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
}

export class ProgrammeDetailsDto implements ProgrammeDetails {
  @ApiProperty({ example: 'MS-CYBER' }) code!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: 'integer' }) places!: number;
  @ApiProperty({ enum: INTAKES }) intake!: Intake;
  @ApiProperty({ format: 'date' }) intakeDate!: string;
  @ApiProperty({ type: ApplicationWindowViewDto }) applicationWindow!: ApplicationWindowViewDto;
  @ApiProperty() pedagogicalLeadId!: string;
}

export class ProgrammeDto extends ProgrammeDetailsDto implements ProgrammeView {
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) changedAt?: string;
}

export class PipelineFileDto implements PipelineFile {
  @ApiProperty({ format: 'uuid' }) candidacyId!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiPropertyOptional() candidateId?: string;
  @ApiPropertyOptional() candidateName?: string;
  @ApiPropertyOptional({ enum: ELIGIBILITY_STATUSES }) eligibility?: EligibilityStatus;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'CAND-3: position in submission order' }) rank?: number;
}

export class PipelineCountsDto {
  @ApiProperty({ type: 'integer' }) DRAFT!: number;
  @ApiProperty({ type: 'integer' }) SUBMITTED!: number;
  @ApiProperty({ type: 'integer' }) WITHDRAWN!: number;
}

export class PipelineDto implements PipelineView {
  @ApiProperty() programmeCode!: string;
  @ApiProperty({ type: PipelineCountsDto }) counts!: PipelineCountsDto;
  @ApiProperty({ type: [PipelineFileDto], description: 'CAND-3: in submission order' }) submitted!: PipelineFileDto[];
}
