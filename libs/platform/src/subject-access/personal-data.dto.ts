import { ApiProperty } from '@nestjs/swagger';

export class SubjectEventDto {
  @ApiProperty({ example: 'CandidacySubmitted' })
  type!: string;

  @ApiProperty({ description: "The event's version in its stream", example: 7 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data as stored" })
  data!: Record<string, unknown>;
}

export class SubjectStreamDto {
  @ApiProperty({ example: 'candidacy-7f3c…' })
  streamId!: string;

  @ApiProperty({ type: [SubjectEventDto], description: "The subject's events of the stream, in order" })
  events!: SubjectEventDto[];
}

export class SubjectReadModelDto {
  @ApiProperty({ description: 'The read model', example: 'rm_candidate_space' })
  readModel!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Its documents about the subject, as stored (bookkeeping fields left out)',
  })
  documents!: Record<string, unknown>[];
}

/** Everything one service holds about the caller (GDPR art. 15). */
export class SubjectDataDto {
  @ApiProperty({ description: 'The caller: the subject of their token', example: 'cand-42' })
  subjectId!: string;

  @ApiProperty({ description: 'The service that holds the data', example: 'candidacy' })
  service!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: [SubjectReadModelDto] })
  readModels!: SubjectReadModelDto[];

  @ApiProperty({ type: [SubjectStreamDto] })
  streams!: SubjectStreamDto[];
}
