import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeadLetterGroup, DeadLetterView, ReplayOutcome } from './dead-letters';

export class DeadLetterGroupDto {
  @ApiProperty({ example: 'review.candidacy-intake' })
  group!: string;

  @ApiProperty({ description: 'Its dead-letter topic', example: 'review.candidacy-intake.dlq' })
  topic!: string;

  @ApiProperty({ description: 'Messages the topic holds (kept 30 days)', type: 'integer', minimum: 0 })
  held!: number;

  @ApiProperty({ description: 'Held and not replayed yet', type: 'integer', minimum: 0 })
  pending!: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the oldest held message was dead-lettered' })
  oldestAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the newest held message was dead-lettered' })
  newestAt?: string;
}

export class DeadLetterGroupsDto {
  @ApiProperty({ type: [DeadLetterGroupDto], description: "Each of the service's consumer groups" })
  groups!: DeadLetterGroupDto[];
}

export class DeadLetterSourceDto {
  @ApiProperty({ description: 'The topic the group read it from', example: 'admissions.candidacy.events' })
  topic!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  partition!: number;

  @ApiProperty({ example: '42' })
  offset!: string;
}

export class DeadLetterReplayDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Who replayed it (the subject of their token, or the operator job)', example: 'admin-1' })
  by!: string;
}

export class DeadLetterDto {
  @ApiProperty({ description: '`<partition>-<offset>` on the dead-letter topic', example: '0-12' })
  id!: string;

  @ApiPropertyOptional({ description: 'The message’s ce_id' })
  eventId?: string;

  @ApiPropertyOptional({ description: 'The message’s ce_type', example: 'CandidacySubmitted' })
  type?: string;

  @ApiProperty({ description: 'The message key (the aggregate id)' })
  key!: string;

  @ApiProperty({ description: 'Why the group could not handle it (its last error)' })
  error!: string;

  @ApiProperty({ description: 'Attempts made before it was parked', type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({ type: DeadLetterSourceDto })
  source!: DeadLetterSourceDto;

  @ApiProperty({
    description: 'Its headers as the group received them (CloudEvents `ce_*` and the others)',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  headers!: Record<string, string>;

  @ApiProperty({ format: 'date-time' })
  deadLetteredAt!: string;

  @ApiPropertyOptional({ type: DeadLetterReplayDto, description: 'Absent until it is replayed' })
  replayed?: DeadLetterReplayDto;
}

export class DeadLetterListDto {
  @ApiProperty({ example: 'review.candidacy-intake' })
  group!: string;

  @ApiProperty({ type: [DeadLetterDto], description: 'In the order they were parked' })
  deadLetters!: DeadLetterDto[];
}

export class ReplayOutcomeDto {
  @ApiProperty({ example: 'review.candidacy-intake' })
  group!: string;

  @ApiProperty({ description: 'Dead letters read on the topic', type: 'integer', minimum: 0 })
  read!: number;

  @ApiProperty({ type: [String], description: 'Ids published again on their source topic now' })
  replayed!: string[];

  @ApiProperty({ type: [String], description: 'Ids replayed before: not published again' })
  replayedBefore!: string[];

  @ApiProperty({ type: [String], description: 'Ids without a source topic of this deployment: left parked' })
  unroutable!: string[];
}

export function groupDto(group: DeadLetterGroup): DeadLetterGroupDto {
  return {
    group: group.group,
    topic: group.topic,
    held: group.held,
    pending: group.pending,
    ...(group.oldestAt === undefined ? {} : { oldestAt: group.oldestAt.toISOString() }),
    ...(group.newestAt === undefined ? {} : { newestAt: group.newestAt.toISOString() }),
  };
}

export function deadLetterDto({
  partition: _p,
  offset: _o,
  replayed,
  deadLetteredAt,
  ...rest
}: DeadLetterView): DeadLetterDto {
  return {
    ...rest,
    source: { ...rest.source },
    headers: { ...rest.headers },
    deadLetteredAt: deadLetteredAt.toISOString(),
    ...(replayed === undefined ? {} : { replayed: { at: replayed.at.toISOString(), by: replayed.by } }),
  };
}

export function outcomeDto(outcome: ReplayOutcome): ReplayOutcomeDto {
  const ids = (letters: readonly DeadLetterView[]) => letters.map((letter) => letter.id);
  return {
    group: outcome.group,
    read: outcome.read,
    replayed: ids(outcome.replayed),
    replayedBefore: ids(outcome.replayedBefore),
    unroutable: ids(outcome.unroutable),
  };
}
