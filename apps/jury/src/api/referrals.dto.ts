import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class FileReferralDto {
  @ApiPropertyOptional({
    description: 'REC-3: reference of the bachelor (licence) transcript; mandatory, refused without it',
    type: String,
    nullable: true,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  transcriptDocumentRef?: string | null;
}

export class RecordProposalDto {
  @ApiProperty({ description: 'REC-5: a programme with a free seat', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  programmeCode!: string;
}
