import { Omittable } from '@admissions/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FiledReferral } from '../domain';
import { REFERRAL_STATUSES } from './responses.dto';

export class ListReferralsQueryDto {
  @ApiPropertyOptional({
    enum: REFERRAL_STATUSES,
    default: 'FILED',
    description: 'The referrals in this status; FILED (awaiting proposals) when omitted',
  })
  @Omittable()
  @IsIn(REFERRAL_STATUSES)
  status?: FiledReferral['status'];
}

export class FileReferralDto {
  @ApiPropertyOptional({
    type: String,
    description:
      'REC-3: the `transcriptDocumentRef` that `POST /v1/referrals/me/transcript` answered for your bachelor ' +
      '(licence) transcript; mandatory, and refused when unknown or not uploaded by you',
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

/** REC-3: what the transcript upload answers. */
export class UploadedTranscriptDto {
  @ApiProperty({ description: 'Give it as `transcriptDocumentRef` when filing the referral' })
  transcriptDocumentRef!: string;

  @ApiProperty({ description: 'The display name kept (a basename, never a path)' })
  fileName!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ description: 'Lower-case hex SHA-256 of the content' })
  sha256!: string;

  @ApiProperty()
  pages!: number;
}
