import { Omittable } from '@admissions/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EngineeringInternshipKind, MOBILITY_KINDS, MobilityKind, StudentRegime } from '../domain';
import type { PlanDraftInput } from '../application/plan-draft.handlers';
import { calendarDate, IsIsoDate } from './iso-date';
import { COUNTRY } from './partners.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class StudentProfileDto {
  @ApiProperty({ enum: ['REGULAR', 'APPRENTICE'], description: 'APPRENTICE = FISEA (MOB-1: at least 9 weeks)' })
  @IsIn(['REGULAR', 'APPRENTICE'])
  regime!: StudentRegime;

  @ApiProperty({ enum: [1, 2, 3] })
  @IsIn([1, 2, 3], { message: 'yearOfStudy must be 1, 2 or 3' })
  yearOfStudy!: number;

  @ApiProperty({ example: 'Data science', minLength: 1, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  track!: string;

  @ApiPropertyOptional({ default: false, description: 'MOB-5 / MOB-6: an engineering internship already validated' })
  @Omittable()
  @IsBoolean()
  engineeringInternshipValidated?: boolean;

  @ApiPropertyOptional({ default: false, description: 'MOB-6: a whole year of internship already validated' })
  @Omittable()
  @IsBoolean()
  internshipYearValidated?: boolean;
}

export class HostDto {
  @ApiPropertyOptional({
    description: "A partner's id; its registered name, country and agreements are used",
    minLength: 1,
    maxLength: 100,
  })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  partnerId?: string;

  @ApiPropertyOptional({ description: 'Required for a host that is not a partner', minLength: 1, maxLength: 200 })
  @ValidateIf((host: HostDto) => host.partnerId === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-2; required for a host that is not a partner',
    pattern: COUNTRY.source,
  })
  @ValidateIf((host: HostDto) => host.partnerId === undefined)
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code (e.g. DE)' })
  country?: string;
}

export class EctsSplitDto {
  @ApiProperty({ example: 30, minimum: 0 })
  @IsNumber()
  @Min(0)
  coursesEcts!: number;

  @ApiProperty({ example: 30, minimum: 0 })
  @IsNumber()
  @Min(0)
  projectEcts!: number;
}

export class PlanDraftDto {
  @ApiProperty({ type: StudentProfileDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => StudentProfileDto)
  student!: StudentProfileDto;

  @ApiProperty({ enum: MOBILITY_KINDS })
  @IsIn(MOBILITY_KINDS)
  kind!: MobilityKind;

  @ApiProperty({ type: HostDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HostDto)
  host!: HostDto;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  @IsIsoDate()
  startOn!: string;

  @ApiProperty({ format: 'date', example: '2027-01-31', description: 'Last day abroad (both days count)' })
  @IsIsoDate()
  endOn!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    description: 'ECTS to validate abroad; none for internships',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  plannedEcts?: number | null;

  @ApiPropertyOptional({ type: EctsSplitDto, nullable: true, description: 'MOB-6: two semesters only' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EctsSplitDto)
  ectsSplit?: EctsSplitDto | null;
}

export const AUTHORITY_SEGMENTS = ['study-advisor', 'dfi', 'dri'] as const;
export type AuthoritySegment = (typeof AUTHORITY_SEGMENTS)[number];

export class RefusalDto {
  @ApiProperty({
    enum: AUTHORITY_SEGMENTS,
    description: 'study-advisor, dfi (training directorate), dri (international office)',
  })
  @IsIn(AUTHORITY_SEGMENTS)
  authority!: AuthoritySegment;

  @ApiProperty({ example: 'The host programme does not fit the track', minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class CreditsDto {
  @ApiProperty({ minimum: 0, example: 30 })
  @IsNumber()
  @Min(0)
  obtainedEcts!: number;
}

export class InternshipCompletionDto {
  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  startedOn!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  endedOn!: string;
}

export class EngineeringInternshipDto {
  @ApiProperty({ enum: ['ENGINEERING', 'FREE'] })
  @IsIn(['ENGINEERING', 'FREE'])
  internshipKind!: EngineeringInternshipKind;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  startOn!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  endOn!: string;

  @ApiProperty({ description: 'MOB-5: the last obligation left to graduate (then at most 24 weeks on return)' })
  @IsBoolean()
  lastObligation!: boolean;
}

export function toPlanDraft(dto: PlanDraftDto): PlanDraftInput {
  const { student, host } = dto;
  return {
    student: {
      regime: student.regime,
      yearOfStudy: student.yearOfStudy,
      track: student.track,
      engineeringInternshipValidated: student.engineeringInternshipValidated ?? false,
      internshipYearValidated: student.internshipYearValidated ?? false,
    },
    kind: dto.kind,
    host:
      host.partnerId !== undefined
        ? { partnerId: host.partnerId }
        : { name: host.name ?? '', country: host.country ?? '' },
    startOn: calendarDate(dto.startOn, 'startOn'),
    endOn: calendarDate(dto.endOn, 'endOn'),
    plannedEcts: dto.plannedEcts ?? null,
    ectsSplit: dto.ectsSplit
      ? { coursesEcts: dto.ectsSplit.coursesEcts, projectEcts: dto.ectsSplit.projectEcts }
      : null,
  };
}
