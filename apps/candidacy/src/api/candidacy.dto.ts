import { Omittable } from '@admissions/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DECLARED_LEVELS,
  DIPLOMA_KINDS,
  DOCUMENT_KINDS,
  type DeclaredLevel,
  type DiplomaKind,
  type DocumentKind,
  LANGUAGES,
  type Language,
} from '../domain';

const COUNTRY = /^[A-Z]{2}$/;
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9][0-9 .()-]{5,19}$/;
export const PROGRAMME_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export class AddressDto {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) street!: string;
  @ApiProperty({ minLength: 1, maxLength: 20 }) @IsString() @IsNotEmpty() @MaxLength(20) postalCode!: string;
  @ApiProperty({ minLength: 1, maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2', pattern: COUNTRY.source })
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code (e.g. FR)' })
  country!: string;
}

export class PersonalDto {
  @ApiProperty({ example: 'Marie', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;
  @ApiProperty({ example: 'Curie', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;
  @ApiProperty({ example: 'marie.curie@example.org', format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+33 6 12 34 56 78', pattern: PHONE.source })
  @Omittable()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: '1995-11-07', format: 'date', pattern: CALENDAR_DATE.source })
  @Omittable()
  @Matches(CALENDAR_DATE, { message: 'birthDate must be a calendar date YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

/** Identity and contact, with the language the candidate wants to be written to in. */
export class IdentityDto {
  @ApiProperty({ type: PersonalDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonalDto)
  personal!: PersonalDto;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `preferredLanguage must be one of ${LANGUAGES.join(', ')}` })
  preferredLanguage!: Language;
}

export class DiplomaDto {
  @ApiProperty({ enum: DIPLOMA_KINDS, description: 'UNIVERSITY_M2 includes DEA/DESS; UNIVERSITY_M1 the Maîtrise' })
  @IsIn(DIPLOMA_KINDS, { message: `kind must be one of ${DIPLOMA_KINDS.join(', ')}` })
  kind!: DiplomaKind;

  @ApiProperty({ example: "Diplôme d'ingénieur", minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2', pattern: COUNTRY.source })
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code (e.g. FR)' })
  country!: string;

  @ApiProperty({ example: 2020, type: 'integer', minimum: 1900 }) @IsInt() @Min(1900) year!: number;

  @ApiPropertyOptional({ enum: DECLARED_LEVELS, description: 'Required for a FOREIGN diploma (ELIG-5)' })
  @Omittable()
  @IsIn(DECLARED_LEVELS, { message: `declaredLevel must be one of ${DECLARED_LEVELS.join(', ')}` })
  declaredLevel?: DeclaredLevel;
}

/** Replaces the whole list; the eligibility is assessed again (ELIG-1..6). */
export class DiplomasDto {
  @ApiProperty({ type: [DiplomaDto], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DiplomaDto)
  diplomas!: DiplomaDto[];
}

export class ExperienceDto {
  @ApiProperty({
    example: 40,
    type: 'integer',
    minimum: 0,
    maximum: 600,
    description: 'Professional experience in whole months (ELIG-4: 36 required)',
  })
  @IsInt({ message: 'months must be a whole number' })
  @Min(0, { message: 'months must not be negative' })
  @Max(600)
  months!: number;
}

export class ChooseProgrammeDto {
  @ApiProperty({ example: 'MS-CYBER', pattern: PROGRAMME_CODE.source })
  @Matches(PROGRAMME_CODE, { message: 'programmeCode must be 2-32 of A-Z, 0-9 and -' })
  programmeCode!: string;
}

/** The form fields of a document upload (multipart/form-data), beside the `file` part. */
export class AttachDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;
}
