import { Omittable } from '@admissions/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_KINDS, AgreementKind, AgreementTerms, PartnerDetails } from '../domain';
import { calendarDate, IsIsoDate } from './iso-date';

export const COUNTRY = /^[A-Z]{2}$/;
const ACADEMIC_YEAR = /^\d{4}-\d{4}$/;

export class AgreementDto {
  @ApiProperty({ enum: AGREEMENT_KINDS })
  @IsIn(AGREEMENT_KINDS)
  kind!: AgreementKind;

  @ApiProperty({ type: 'integer', minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  placesPerAcademicYear!: number;

  @ApiProperty({ format: 'date', example: '2024-09-01' })
  @IsIsoDate()
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2030-08-31' })
  @IsIsoDate()
  endsOn!: string;
}

export class RegisterPartnerDto {
  @ApiProperty({ example: 'Technische Universität München', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'DE', pattern: COUNTRY.source })
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code (e.g. DE)' })
  country!: string;

  @ApiProperty({
    type: [AgreementDto],
    maxItems: AGREEMENT_KINDS.length,
    description: 'At most one agreement of each kind',
  })
  @IsArray()
  @ArrayMaxSize(AGREEMENT_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements!: AgreementDto[];
}

/** Fields left out keep their value; `agreements`, when given, replaces the whole list. */
export class ChangePartnerDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', pattern: COUNTRY.source })
  @Omittable()
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code (e.g. DE)' })
  country?: string;

  @ApiPropertyOptional({ type: [AgreementDto], maxItems: AGREEMENT_KINDS.length })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(AGREEMENT_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements?: AgreementDto[];
}

export class PlacesQueryDto {
  @ApiProperty({
    description: 'Academic year, September to August',
    example: '2026-2027',
    pattern: ACADEMIC_YEAR.source,
  })
  @Matches(ACADEMIC_YEAR, { message: 'year must be an academic year written YYYY-YYYY (e.g. 2026-2027)' })
  year!: string;
}

const toTerms = (dto: AgreementDto, index: number): AgreementTerms => ({
  kind: dto.kind,
  placesPerAcademicYear: dto.placesPerAcademicYear,
  startsOn: calendarDate(dto.startsOn, `agreements[${index}].startsOn`),
  endsOn: calendarDate(dto.endsOn, `agreements[${index}].endsOn`),
});

export const toPartnerDetails = (dto: RegisterPartnerDto): PartnerDetails => ({
  name: dto.name,
  country: dto.country,
  agreements: dto.agreements.map(toTerms),
});

export const toPartnerChanges = (dto: ChangePartnerDto): Partial<PartnerDetails> => ({
  ...(dto.name === undefined ? {} : { name: dto.name }),
  ...(dto.country === undefined ? {} : { country: dto.country }),
  ...(dto.agreements === undefined ? {} : { agreements: dto.agreements.map(toTerms) }),
});
