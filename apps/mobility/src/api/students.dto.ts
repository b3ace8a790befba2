import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
