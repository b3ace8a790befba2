import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INTAKES, type Intake } from '../domain';
import { CALENDAR_DATE, PROGRAMME_CODE } from './candidacy.dto';

export class ApplicationWindowDto {
  @ApiProperty({ example: '2027-01-04T08:00:00+01:00', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'opensAt must be an ISO-8601 instant' })
  opensAt!: string;

  @ApiProperty({ example: '2027-06-30T23:59:59.999+02:00', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO-8601 instant' })
  closesAt!: string;
}

/** CAND-4: a programme has an intake (September or October), an intake date and a number of places. */
export class CreateProgrammeDto {
  @ApiProperty({ example: 'MS-CYBER', pattern: PROGRAMME_CODE.source })
  @Matches(PROGRAMME_CODE, { message: 'code must be 2-32 of A-Z, 0-9 and -' })
  code!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) nameFr!: string;
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) nameEn!: string;

  @ApiProperty({ example: 30, type: 'integer', minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  places!: number;

  @ApiProperty({ enum: INTAKES })
  @IsIn(INTAKES, { message: `intake must be one of ${INTAKES.join(', ')}` })
  intake!: Intake;

  @ApiProperty({ example: '2027-09-13', format: 'date', pattern: CALENDAR_DATE.source })
  @Matches(CALENDAR_DATE, { message: 'intakeDate must be a calendar date YYYY-MM-DD' })
  intakeDate!: string;

  @ApiProperty({ type: ApplicationWindowDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationWindowDto)
  applicationWindow!: ApplicationWindowDto;

  @ApiProperty({ example: 'lead-cyber', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  pedagogicalLeadId!: string;
}

/** Only the fields given change; the code never does. */
export class ChangeProgrammeDto extends PartialType(OmitType(CreateProgrammeDto, ['code'] as const)) {}
