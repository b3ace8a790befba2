import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ErasureOutcome } from './person-erasure';

export class PersonParamsDto {
  @ApiProperty({
    description: 'The person (the subject of their token: a candidate or student id)',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  personId!: string;
}

export class ErasureRequestDto {
  @ApiProperty({
    description: 'Why (kept with the erasure record, never published): the request or the retention rule',
    minLength: 1,
    maxLength: 500,
    example: 'GDPR art. 17 request of 2027-01-10',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ErasureDto implements ErasureOutcome {
  @ApiProperty({ example: 'cand-42' })
  personId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the person was first erased (a repeat answers the same)' })
  erasedAt!: string;
}
