import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsPositive,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CourseDto {
  @ApiProperty({ example: 'IN2064', minLength: 1, maxLength: 50 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code!: string;

  @ApiProperty({ example: 'Machine learning', minLength: 1, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 6, minimum: 0, exclusiveMinimum: true })
  @IsPositive()
  ects!: number;
}

export class CoursesDto {
  @ApiProperty({ type: [CourseDto], minItems: 1, maxItems: 60 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => CourseDto)
  courses!: CourseDto[];
}

export class ApproveLearningAgreementDto {
  @ApiProperty({
    description: 'The version the study advisor read; a stale one is refused',
    example: 1,
    type: 'integer',
    minimum: 1,
  })
  @IsInt()
  @Min(1)
  version!: number;
}
