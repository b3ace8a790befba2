import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class FileReferralDto {
  @ApiPropertyOptional({
    description: 'REC-3: reference of the bachelor (licence) transcript; mandatory, refused without it',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  transcriptDocumentRef?: string | null;
}

export class RecordProposalDto {
  @ApiProperty({ description: 'REC-5: a programme with a free seat' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  programmeCode!: string;
}
