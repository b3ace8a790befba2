import type { Actor } from '@admissions/domain-kernel';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLetters, type DeadLetterSelection } from './dead-letters';
import {
  DeadLetterDto,
  deadLetterDto,
  DeadLetterGroupsDto,
  DeadLetterListDto,
  groupDto,
  outcomeDto,
  ReplayOutcomeDto,
} from './dead-letters.dto';

const GROUP = ApiParam({
  name: 'group',
  description: 'A consumer group of this service',
  example: 'review.candidacy-intake',
});
const ID = ApiParam({
  name: 'id',
  description: 'A dead letter: `<partition>-<offset>` on the group’s dead-letter topic',
  example: '0-12',
});
const UNKNOWN = ApiNotFoundResponse({
  description: 'No such consumer group in this service, or no such dead letter (`field` names which)',
});

/** Dead-lettered messages per consumer group, and their replay after a fix (docs/operations.md). */
@ApiTags('dead letters')
@Roles('admin')
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly letters: DeadLetters,
    private readonly metrics: DeadLetterMetrics,
  ) {}

  @Get()
  @ApiOperation({ summary: "The service's consumer groups: dead letters held, not yet replayed, oldest and newest" })
  @ApiOkResponse({ type: DeadLetterGroupsDto })
  async groups(): Promise<DeadLetterGroupsDto> {
    return { groups: (await this.letters.summary()).map(groupDto) };
  }

  @Get(':group')
  @GROUP
  @UNKNOWN
  @ApiOperation({ summary: "A group's dead letters with their error, source and original headers, and their replay" })
  @ApiOkResponse({ type: DeadLetterListDto })
  async list(@Param('group') group: string): Promise<DeadLetterListDto> {
    return { group, deadLetters: (await this.letters.list(group)).map(deadLetterDto) };
  }

  @Get(':group/:id')
  @GROUP
  @ID
  @UNKNOWN
  @ApiOperation({ summary: 'One dead letter' })
  @ApiOkResponse({ type: DeadLetterDto })
  async one(@Param('group') group: string, @Param('id') id: string): Promise<DeadLetterDto> {
    return deadLetterDto(await this.letters.get(group, id));
  }

  @Post(':group/replay')
  @HttpCode(200)
  @GROUP
  @UNKNOWN
  @ApiOperation({
    summary:
      'Replays every dead letter of the group not replayed yet, on its source topic: the group handles it again, once',
  })
  @ApiOkResponse({ type: ReplayOutcomeDto })
  replayAll(@Param('group') group: string, @CurrentActor() actor: Actor): Promise<ReplayOutcomeDto> {
    return this.replay(group, { all: true }, actor);
  }

  @Post(':group/:id/replay')
  @HttpCode(200)
  @GROUP
  @ID
  @UNKNOWN
  @ApiOperation({ summary: 'Replays one dead letter, unless it was replayed before' })
  @ApiOkResponse({ type: ReplayOutcomeDto })
  replayOne(
    @Param('group') group: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReplayOutcomeDto> {
    return this.replay(group, { id }, actor);
  }

  private async replay(group: string, selection: DeadLetterSelection, actor: Actor): Promise<ReplayOutcomeDto> {
    const outcome = await this.letters.replay(group, selection, actor.id);
    this.metrics.replayed.inc({ group }, outcome.replayed.length);
    return outcomeDto(outcome);
  }
}
