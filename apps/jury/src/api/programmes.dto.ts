import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { JuryDecisionKind } from '../domain';

const DECISIONS: readonly JuryDecisionKind[] = ['ADMITTED', 'WAITLISTED', 'REJECTED'];

export class ScheduleSessionDto {
  @ApiProperty({
    description: 'JURY-1: when the jury sits (ISO instant, January to July)',
    example: '2026-03-12T09:00:00+01:00',
    format: 'date-time',
  })
  @IsISO8601({ strict: true })
  at!: string;
}

export class DecisionDto {
  @ApiProperty({ minLength: 1 })
  @IsString()
  @IsNotEmpty()
  candidateId!: string;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: JuryDecisionKind;

  @ApiProperty({ description: 'JURY-2: every decision has a reason', minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class DecisionBatchDto {
  @ApiProperty({
    type: [DecisionDto],
    minItems: 1,
    description: "JURY-2: each of the session's undecided candidates, once",
  })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions!: DecisionDto[];
}
