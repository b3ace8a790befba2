import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { AccessEntry } from './access-journal';

export class AccessJournalQueryDto {
  @ApiProperty({ description: 'The file whose reads are wanted', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  candidacyId!: string;
}

export class AccessEntryDto implements AccessEntry {
  @ApiProperty()
  candidacyId!: string;

  @ApiProperty({ description: 'Who read it (the subject of their token)', example: 'officer-1' })
  readerId!: string;

  @ApiProperty({ type: [String], example: ['admissions-officer'] })
  readerRoles!: string[];

  @ApiProperty({ description: 'The route read', example: 'GET /v1/reviews/:candidacyId' })
  operation!: string;

  @ApiProperty({ format: 'date-time' })
  readAt!: string;

  @ApiProperty({ required: false })
  correlationId?: string;
}

export class AccessJournalDto {
  @ApiProperty({ type: [AccessEntryDto], description: 'Oldest first' })
  reads!: AccessEntryDto[];
}
