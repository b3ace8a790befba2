import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ActOnProgramme } from '../application/programme-admissions.handlers';
import {
  decision,
  type DecisionView,
  scheduledSession,
  type ScheduledSessionView,
  sessionDecisions,
  type SessionDecisionsView,
} from '../application/programme-admissions.replies';
import { JuryQueries, type ProgrammeSessionsView, type SeatLedgerView } from '../application/jury.queries';
import { DecisionBatchDto, DecisionDto, ScheduleSessionDto } from './programmes.dto';
import {
  DecisionReplyDto,
  ProgrammeSessionsDto,
  ScheduledSessionDto,
  SeatLedgerDto,
  SessionDecisionsDto,
} from './responses.dto';

/** A programme's jury: sessions (JURY-1), decisions (JURY-2, JURY-5) and its seat ledger. */
@ApiTags('programmes')
@ApiNotFoundResponse({ description: 'No such programme or session' })
@Controller('v1/programmes/:code')
export class ProgrammesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: JuryQueries,
  ) {}

  @Post('sessions')
  @Roles('jury-member', 'admin')
  @ApiOperation({ summary: "JURY-1: schedule the programme's session of a month (January to July, one a month)" })
  @ApiCreatedResponse({
    type: ScheduledSessionDto,
    description: 'The session; admissible candidates waiting for one join its agenda',
  })
  @ApiUnprocessableEntityResponse({ description: 'Not January to July, or a session that month already (JURY-1)' })
  async schedule(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() body: ScheduleSessionDto,
  ): Promise<ScheduledSessionView> {
    const sessionId = randomUUID();
    const intent = { type: 'ScheduleSession', data: { sessionId, at: body.at } } as const;
    return scheduledSession(await this.commands.execute(new ActOnProgramme(actor, code, intent)), sessionId);
  }

  @Get('sessions')
  @Roles('jury-member', 'admin')
  @ApiOperation({ summary: "The sessions and their agendas, with the lead's reasoned opinion of each candidate" })
  @ApiOkResponse({ type: ProgrammeSessionsDto })
  sessions(@Param('code') code: string): Promise<ProgrammeSessionsView> {
    return this.queries.sessions(code);
  }

  @Post('sessions/:sessionId/decisions')
  @Roles('jury-member', 'admin')
  @ApiOperation({ summary: 'JURY-2: decide one candidate of the agenda (ADMITTED makes a 10-day offer, JURY-4)' })
  @ApiCreatedResponse({ type: DecisionReplyDto, description: 'The decision, with its offer when admitted' })
  @ApiUnprocessableEntityResponse({ description: 'Not on the agenda, already decided, or no free seat (JURY-5)' })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('sessionId') sessionId: string,
    @Body() body: DecisionDto,
  ): Promise<DecisionView> {
    const intent = { type: 'RecordDecision', data: { ...body, sessionId } } as const;
    return decision(await this.commands.execute(new ActOnProgramme(actor, code, intent)), sessionId);
  }

  @Post('sessions/:sessionId/decisions/batch')
  @Roles('jury-member', 'admin')
  @ApiOperation({ summary: 'JURY-2: decide every undecided candidate of the session at once, all or nothing' })
  @ApiCreatedResponse({ type: SessionDecisionsDto, description: 'The decisions and offers, and the session closed' })
  @ApiUnprocessableEntityResponse({ description: 'Not every undecided candidate exactly once, or no free seat' })
  async decideAll(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('sessionId') sessionId: string,
    @Body() body: DecisionBatchDto,
  ): Promise<SessionDecisionsView> {
    const intent = { type: 'RecordDecisions', data: { sessionId, decisions: body.decisions } } as const;
    return sessionDecisions(await this.commands.execute(new ActOnProgramme(actor, code, intent)), sessionId);
  }

  @Get('seat-ledger')
  @Roles('jury-member', 'rectorate-officer', 'admin')
  @ApiOperation({ summary: 'JURY-5: places, offers held, enrolled, referral seats, free, and what changed each' })
  @ApiOkResponse({ type: SeatLedgerDto })
  seatLedger(@Param('code') code: string): Promise<SeatLedgerView> {
    return this.queries.seatLedger(code);
  }
}
