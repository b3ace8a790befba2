import { Omittable } from '@admissions/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import type { InterviewMode, OpinionKind } from '../domain';
import { REVIEW_STATUSES, type ReviewStatus } from '../projections/review-view.projection';

/** ISO 8601 date and time with its offset (Z or ±hh:mm), e.g. 2026-03-10T10:00:00+01:00. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class WorklistQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'Only the files in this status' })
  @Omittable()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewStatus;

  @ApiPropertyOptional({ description: "Admins only: another lead's worklist", maxLength: 200 })
  @Omittable()
  @IsString()
  @MaxLength(200)
  leadId?: string;
}

/** REV-2: when and where the lead meets the candidate. */
export class InterviewSlotDto {
  @ApiProperty({
    example: '2026-03-10T10:00:00+01:00',
    description: 'Date and time with its offset; shown back in Europe/Paris. Must be in the future.',
    format: 'date-time',
    pattern: ISO_WITH_OFFSET.source,
  })
  @Matches(ISO_WITH_OFFSET, {
    message: 'at must be an ISO date and time with its offset, e.g. 2026-03-10T10:00:00+01:00',
  })
  at!: string;

  @ApiProperty({ enum: ['ONSITE', 'VIDEO'] })
  @IsIn(['ONSITE', 'VIDEO'])
  mode!: InterviewMode;

  @ApiPropertyOptional({ description: 'Required on site', example: 'B-204', maxLength: 200 })
  @Omittable()
  @IsString()
  @MaxLength(200)
  room?: string;

  @ApiPropertyOptional({
    description: 'Required for a video interview',
    example: 'https://visio.example.org/r/abc',
    format: 'uri',
    maxLength: 2000,
  })
  @Omittable()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'link must be an http(s) URL' })
  @MaxLength(2000)
  link?: string;
}

export class CancelInterviewDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class InterviewOutcomeDto {
  @ApiProperty({ description: 'REV-4: an inconclusive interview makes the candidate not admissible' })
  @IsBoolean()
  conclusive!: boolean;

  @ApiProperty({ maxLength: 10_000 })
  @IsString()
  @MaxLength(10_000)
  notes!: string;
}

export class RefuseEquivalenceDto {
  @ApiProperty({ description: 'ELIG-5: why the foreign diploma is not of equivalent level', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

/** REV-3: a reasoned opinion; the motivation has at least 30 characters. */
export class OpinionDto {
  @ApiProperty({ enum: ['FAVOURABLE', 'UNFAVOURABLE'] })
  @IsIn(['FAVOURABLE', 'UNFAVOURABLE'])
  opinion!: OpinionKind;

  @ApiProperty({ minLength: 30, maxLength: 10_000 })
  @IsString()
  @MaxLength(10_000)
  motivation!: string;
}

export class OpinionCorrectionDto extends OpinionDto {
  @ApiProperty({ description: 'Why the opinion is corrected', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
