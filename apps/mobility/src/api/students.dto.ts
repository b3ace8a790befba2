import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type Language, LANGUAGES } from '../domain';

export class UnfulfilledQueryDto {
  @ApiProperty({ enum: [1, 2, 3], description: 'Year of study' })
  @Type(() => Number)
  @IsIn([1, 2, 3], { message: 'year must be 1, 2 or 3' })
  year!: number;

  @ApiProperty({ example: 'Data science', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  track!: string;
}

export class StudentContactDto {
  @ApiProperty({
    example: 'alex.martin@student.example.org',
    description: 'Where the school’s messages reach the student',
    format: 'email',
    maxLength: 254,
  })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language the student reads their emails in' })
  @IsIn(LANGUAGES)
  preferredLanguage!: Language;
}
