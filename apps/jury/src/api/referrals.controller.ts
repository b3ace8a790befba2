import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { JuryQueries } from '../application/jury.queries';
import type { Appended } from '../application/programme-admissions.handlers';
import {
  AcceptProposalCommand,
  CompleteProposalsCommand,
  FileReferralCommand,
  RecordProposalCommand,
} from '../application/referral.handlers';
import { FileReferralDto, RecordProposalDto } from './referrals.dto';
import { AppendedDto, FiledReferralDto, RecordedProposalDto, ReferralDto } from './responses.dto';

/** Recourse to the rectorate (REC-1..7). */
@ApiTags('referrals')
@Controller('v1/referrals')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: JuryQueries,
  ) {}

  @Post()
  @Roles('candidate')
  @ApiOperation({
    summary: 'REC-1..3: refer your case (no positive answer; within 15 days of the last negative one; transcript)',
  })
  @ApiCreatedResponse({ type: FiledReferralDto, description: 'Filed; the acknowledgement (REC-4) follows' })
  @ApiUnprocessableEntityResponse({ description: 'A positive or pending answer (REC-1), or too late (REC-2)' })
  file(@CurrentActor() actor: Actor, @Body() body: FileReferralDto) {
    return this.commands.execute(new FileReferralCommand(actor, body.transcriptDocumentRef ?? null));
  }

  @Get('me')
  @Roles('candidate')
  @ApiOperation({ summary: 'Your referral: acknowledgement, proposals, answer window' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiNotFoundResponse({ description: 'No referral filed' })
  mine(@CurrentActor() actor: Actor) {
    return this.queries.referral(actor, actor.id);
  }

  @Post('me/proposals/:proposalId/acceptance')
  @HttpCode(200)
  @Roles('candidate')
  @ApiOperation({ summary: 'REC-7: accept one proposal within 15 days; the others are declined' })
  @ApiOkResponse({ type: AppendedDto })
  @ApiUnprocessableEntityResponse({ description: 'No such proposal, or the answer window is over (REC-7)' })
  accept(@CurrentActor() actor: Actor, @Param('proposalId') proposalId: string): Promise<Appended> {
    return this.commands.execute(new AcceptProposalCommand(actor, proposalId));
  }

  @Get(':candidateId')
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: "A candidate's referral" })
  @ApiOkResponse({ type: ReferralDto })
  referral(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string) {
    return this.queries.referral(actor, candidateId);
  }

  @Post(':candidateId/proposals')
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: 'REC-5/REC-6: propose a programme with a free seat (holds it), at most 3, by 31 October' })
  @ApiCreatedResponse({ type: RecordedProposalDto })
  @ApiUnprocessableEntityResponse({ description: 'No free seat, three proposals already, or after 31 October' })
  async propose(
    @CurrentActor() actor: Actor,
    @Param('candidateId') candidateId: string,
    @Body() body: RecordProposalDto,
  ) {
    return this.commands.execute(new RecordProposalCommand(actor, candidateId, body.programmeCode));
  }

  @Post(':candidateId/proposals/complete')
  @HttpCode(200)
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: 'REC-5: send fewer than three proposals; the 15-day answer window opens' })
  @ApiOkResponse({ type: AppendedDto })
  complete(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string): Promise<Appended> {
    return this.commands.execute(new CompleteProposalsCommand(actor, candidateId));
  }
}
