import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Public, Roles } from '@admissions/platform';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeProgrammeCommand, CreateProgrammeCommand } from '../application/programme.handlers';
import { CandidacyQueries, type PipelineView, type ProgrammeView } from '../application/candidacy.queries';
import type { ProgrammeDetails } from '../domain';
import { ChangeProgrammeDto, CreateProgrammeDto } from './programme.dto';
import { PipelineDto, ProgrammeDetailsDto, ProgrammeDto } from './responses.dto';

@ApiTags('programmes')
@Controller('v1/programmes')
export class ProgrammesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CandidacyQueries,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The catalogue of Mastères Spécialisés open to candidates (CAND-4)' })
  @ApiOkResponse({ type: [ProgrammeDto] })
  list(): Promise<ProgrammeView[]> {
    return this.queries.programmes();
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One programme of the catalogue' })
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiNotFoundResponse({ description: 'No such programme' })
  get(@Param('code') code: string): Promise<ProgrammeView> {
    return this.queries.programme(code);
  }

  @Post()
  @Roles('admissions-officer', 'admin')
  @ApiOperation({ summary: 'Create a programme (CAND-4: intake September/October, intake date, places)' })
  @ApiCreatedResponse({ type: ProgrammeDetailsDto, description: 'The programme as created' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateProgrammeDto): Promise<ProgrammeDetails> {
    return this.commands.execute(
      new CreateProgrammeCommand(actor, { ...body, applicationWindow: { ...body.applicationWindow } }),
    );
  }

  @Patch(':code')
  @Roles('admissions-officer', 'admin')
  @ApiOperation({ summary: 'Change some fields of a programme; the others keep their value' })
  @ApiOkResponse({ type: ProgrammeDetailsDto, description: 'The programme after the change' })
  change(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() body: ChangeProgrammeDto,
  ): Promise<ProgrammeDetails> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.commands.execute(new ChangeProgrammeCommand(actor, code, changes));
  }

  @Get(':code/pipeline')
  @Roles('admissions-officer', 'admin')
  @ApiOperation({ summary: 'Staff pipeline: counts by status and submitted files in submission order (CAND-3)' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiNotFoundResponse({ description: 'No such programme' })
  pipeline(@Param('code') code: string): Promise<PipelineView> {
    return this.queries.pipeline(code);
  }
}
