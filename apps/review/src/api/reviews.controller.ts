import { type Actor, toParisIso } from '@admissions/domain-kernel';
import { CurrentActor, JournalledRead, Roles } from '@admissions/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ActOnReview, type ActOnReviewResult, type LeadAction } from '../application/act-on-review';
import type { ReviewState } from '../domain';
import { type ReviewResponse, ReviewQueries } from '../application/review.queries';
import {
  CancelInterviewDto,
  InterviewOutcomeDto,
  InterviewSlotDto,
  OpinionCorrectionDto,
  OpinionDto,
  RefuseEquivalenceDto,
  WorklistQueryDto,
} from './review.dto';
import { ReviewCommandResultDto, ReviewDto } from './responses.dto';

/** What a command answers: where the review stands now (a repeated command finds it unchanged). */
export interface ReviewCommandResponse {
  readonly candidacyId: string;
  readonly status: string;
  readonly leadId: string | null;
  readonly equivalence: string | null;
  readonly interview: Record<string, unknown> | null;
  readonly opinion: { readonly opinion: string; readonly motivation: string } | null;
}

function commandResponse(candidacyId: string, { state }: ActOnReviewResult): ReviewCommandResponse {
  if (state.status === 'NOT_OPENED') {
    return {
      candidacyId,
      status: 'NOT_OPENED',
      leadId: null,
      equivalence: null,
      interview: null,
      opinion: null,
    };
  }
  const status = statusOf(state);
  const { interview } = state;
  const startsAtParis = 'startsAt' in interview ? { startsAtParis: toParisIso(interview.startsAt) } : {};
  return {
    candidacyId,
    status,
    leadId: state.leadId,
    equivalence: state.equivalence,
    interview: { ...interview, ...startsAtParis },
    opinion: state.opinion,
  };
}

function statusOf(state: Exclude<ReviewState, { status: 'NOT_OPENED' }>): string {
  if (state.status !== 'DECIDED') return state.status;
  return state.admissible ? 'ADMISSIBLE' : 'NOT_ADMISSIBLE';
}

const STATE_REFUSAL = { description: 'Not allowed in the state of the review (`ruleId` names the rule)' };

/**
 * The pedagogical lead's side of a review (REV-1..4, ELIG-5). Only the assigned lead or an admin
 * may read or act on a review; anyone else gets 404.
 */
@ApiTags('reviews')
@ApiNotFoundResponse({ description: 'No such review, or not assigned to you' })
@Controller('v1')
@Roles('pedagogical-lead', 'admin')
export class ReviewsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: ReviewQueries,
  ) {}

  @Get('worklist')
  @ApiOperation({ summary: 'REV-1: the files assigned to me, in submission order, with their summary' })
  @ApiOkResponse({ type: [ReviewDto] })
  worklist(@CurrentActor() actor: Actor, @Query() query: WorklistQueryDto): Promise<ReviewResponse[]> {
    return this.queries.worklist(actor, query);
  }

  @Get('reviews/:candidacyId')
  @JournalledRead('candidacyId')
  @ApiOperation({ summary: 'One review: file summary, eligibility explanation, interview, opinion, outcome' })
  @ApiOkResponse({ type: ReviewDto })
  review(@CurrentActor() actor: Actor, @Param('candidacyId') candidacyId: string): Promise<ReviewResponse> {
    return this.queries.review(actor, candidacyId);
  }

  @Post('reviews/:candidacyId/interview')
  @HttpCode(200)
  @ApiOperation({ summary: 'REV-2: schedule an interview (in the future; a room on site, a link by video)' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  schedule(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: InterviewSlotDto) {
    return this.act(id, actor, { type: 'ScheduleInterview', data: slotOf(body) });
  }

  @Put('reviews/:candidacyId/interview')
  @ApiOperation({ summary: 'REV-2: reschedule the scheduled interview' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  reschedule(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: InterviewSlotDto) {
    return this.act(id, actor, { type: 'RescheduleInterview', data: slotOf(body) });
  }

  @Delete('reviews/:candidacyId/interview')
  @ApiOperation({ summary: 'REV-2: cancel the scheduled interview' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  cancel(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: CancelInterviewDto) {
    const data = body?.reason === undefined ? {} : { reason: body.reason };
    return this.act(id, actor, { type: 'CancelInterview', data });
  }

  @Post('reviews/:candidacyId/interview/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'REV-2/REV-4: record whether the interview held was conclusive, with notes' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  outcome(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: InterviewOutcomeDto) {
    return this.act(id, actor, {
      type: 'RecordInterviewOutcome',
      data: { conclusive: body.conclusive, notes: body.notes },
    });
  }

  @Post('reviews/:candidacyId/equivalence/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'ELIG-5: confirm the foreign diploma equivalence' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  confirmEquivalence(@CurrentActor() actor: Actor, @Param('candidacyId') id: string) {
    return this.act(id, actor, { type: 'ConfirmEquivalence', data: {} });
  }

  @Post('reviews/:candidacyId/equivalence/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'ELIG-5: refuse the equivalence (the candidate is declared not admissible)' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  refuseEquivalence(
    @CurrentActor() actor: Actor,
    @Param('candidacyId') id: string,
    @Body() body: RefuseEquivalenceDto,
  ) {
    return this.act(id, actor, { type: 'RefuseEquivalence', data: { reason: body.reason } });
  }

  @Post('reviews/:candidacyId/opinion')
  @HttpCode(200)
  @ApiOperation({ summary: 'REV-3/REV-4: give the reasoned opinion; admissibility is declared with it' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  giveOpinion(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: OpinionDto) {
    return this.act(id, actor, { type: 'GiveOpinion', data: { opinion: body.opinion, motivation: body.motivation } });
  }

  @Post('reviews/:candidacyId/opinion/correction')
  @HttpCode(200)
  @ApiOperation({ summary: 'REV-3: correct the opinion, with the reason; admissibility follows a change' })
  @ApiOkResponse({ type: ReviewCommandResultDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  correctOpinion(@CurrentActor() actor: Actor, @Param('candidacyId') id: string, @Body() body: OpinionCorrectionDto) {
    const { opinion, motivation, reason } = body;
    return this.act(id, actor, { type: 'CorrectOpinion', data: { opinion, motivation, reason } });
  }

  private async act(candidacyId: string, actor: Actor, action: LeadAction): Promise<ReviewCommandResponse> {
    const result = await this.commandBus.execute<ActOnReview, ActOnReviewResult>(
      new ActOnReview(candidacyId, action, actor),
    );
    return commandResponse(candidacyId, result);
  }
}

function slotOf({ at, mode, room, link }: InterviewSlotDto) {
  return { at, mode, ...(room === undefined ? {} : { room }), ...(link === undefined ? {} : { link }) };
}
