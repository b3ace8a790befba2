import { type Actor, assertNever } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ActOnPlanCommand, PlanAction } from '../application/plan-action.handler';
import { ChangePlanCommand, ProposePlanCommand } from '../application/plan-draft.handlers';
import { PlanReader } from '../application/plan-reader';
import type { PlanView } from '../application/plan-view';
import { calendarDate } from './iso-date';
import {
  AuthoritySegment,
  CreditsDto,
  EngineeringInternshipDto,
  InternshipCompletionDto,
  PlanDraftDto,
  RefusalDto,
  toPlanDraft,
} from './plans.dto';
import { PlanDto } from './responses.dto';

function refusal(authority: AuthoritySegment, planId: string, reason: string): PlanAction {
  switch (authority) {
    case 'study-advisor':
      return { type: 'RefuseByStudyAdvisor', data: { planId, reason } };
    case 'dfi':
      return { type: 'RefuseByTrainingDirectorate', data: { planId, reason } };
    case 'dri':
      return { type: 'RefuseByInternationalOffice', data: { planId, reason } };
    default:
      return assertNever(authority);
  }
}

const STATE_REFUSAL = { description: 'Not allowed in the state of the plan (`ruleId` names the rule when one does)' };
const RULE_REFUSAL = 'Refused by a rule: problem+json with `ruleId` (MOB-1..9) and `field`, or `errors` per field';

@ApiTags('mobility plans')
@Controller('v1/plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly plans: PlanReader,
  ) {}

  @Post()
  @Roles('student')
  @ApiOperation({ summary: 'Propose a mobility plan (checked against MOB-1..9)' })
  @ApiCreatedResponse({ type: PlanDto, description: 'The plan, proposed' })
  @ApiBadRequestResponse({ description: RULE_REFUSAL })
  async propose(@Body() body: PlanDraftDto, @CurrentActor() actor: Actor): Promise<PlanView> {
    const planId = randomUUID();
    await this.commands.execute(new ProposePlanCommand(planId, toPlanDraft(body), actor));
    return this.plans.view(planId, actor);
  }

  @Put(':id')
  @Roles('student')
  @ApiOperation({ summary: 'Rework a plan not yet started (also after a refusal); approvals start over' })
  @ApiOkResponse({ type: PlanDto, description: 'The plan, changed' })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  @ApiBadRequestResponse({ description: RULE_REFUSAL })
  @ApiNotFoundResponse({ description: "No such plan, or another student's" })
  async change(@Param('id') planId: string, @Body() body: PlanDraftDto, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ChangePlanCommand(planId, toPlanDraft(body), actor));
    return this.plans.view(planId, actor);
  }

  @Get(':id')
  @Roles('student', 'study-advisor', 'training-directorate', 'international-office', 'admin')
  @ApiOperation({ summary: 'A plan with its approvals, refusals, learning agreement versions and requirement' })
  @ApiOkResponse({ type: PlanDto })
  @ApiNotFoundResponse({ description: "No such plan, or another student's" })
  view(@Param('id') planId: string, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.plans.view(planId, actor);
  }

  @Post(':id/approvals/study-advisor')
  @HttpCode(200)
  @Roles('study-advisor', 'admin')
  @ApiOperation({ summary: 'MOB-5 / MOB-6: the study advisor approves an exchange' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse({
    description: 'Not an exchange (MOB-5), not awaiting approval, or approved already',
  })
  approveByStudyAdvisor(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ApproveByStudyAdvisor', data: { planId } }, actor);
  }

  @Post(':id/approvals/dfi')
  @HttpCode(200)
  @Roles('training-directorate', 'admin')
  @ApiOperation({ summary: 'MOB-7: the training directorate (DFI) approves' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  approveByTrainingDirectorate(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ApproveByTrainingDirectorate', data: { planId } }, actor);
  }

  @Post(':id/approvals/dri')
  @HttpCode(200)
  @Roles('international-office', 'admin')
  @ApiOperation({
    summary: 'MOB-3 / MOB-4 / MOB-7: the international relations directorate (DRI) approves',
    description: "MOB-10: a double degree or an exchange takes one of the partner's places for its academic year",
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse({
    description: 'Not allowed in the state of the plan, or MOB-10: no place left at the partner for that academic year',
  })
  @ApiConflictResponse({ description: 'The plan changed during the approval: read it again and retry' })
  approveByInternationalOffice(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ApproveByInternationalOffice', data: { planId } }, actor);
  }

  @Post(':id/refusals')
  @HttpCode(200)
  @Roles('study-advisor', 'training-directorate', 'international-office', 'admin')
  @ApiOperation({ summary: 'An authority refuses the plan, with a reason; the student may then change it' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  @ApiBadRequestResponse({ description: 'No reason given' })
  refuse(@Param('id') planId: string, @Body() body: RefusalDto, @CurrentActor() actor: Actor) {
    return this.act(refusal(body.authority, planId, body.reason), actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('student', 'international-office', 'admin')
  @ApiOperation({
    summary: 'MOB-10: give up a plan not yet started (proposed or refused); a partner place it held is freed',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiNotFoundResponse({ description: "No such plan, or another student's" })
  @ApiUnprocessableEntityResponse({ description: 'The plan has started or is cancelled already (MOB-10)' })
  cancel(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    return this.act({ type: 'CancelPlan', data: { planId } }, actor);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('student', 'international-office', 'admin')
  @ApiOperation({ summary: 'Record the departure; an exchange needs its approvals and learning agreement (MOB-5/6)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  start(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    return this.act({ type: 'StartMobility', data: { planId } }, actor);
  }

  @Post(':id/credits')
  @HttpCode(200)
  @Roles('study-advisor', 'international-office', 'admin')
  @ApiOperation({ summary: 'On return, the credits obtained abroad; then MOB-1 is assessed' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  credits(@Param('id') planId: string, @Body() body: CreditsDto, @CurrentActor() actor: Actor) {
    return this.act({ type: 'RecordCredits', data: { planId, obtainedEcts: body.obtainedEcts } }, actor);
  }

  @Post(':id/internship-completion')
  @HttpCode(200)
  @Roles('training-directorate', 'international-office', 'admin')
  @ApiOperation({ summary: 'An internship abroad is over, with its actual dates; then MOB-1 is assessed' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  completeInternship(@Param('id') planId: string, @Body() body: InternshipCompletionDto, @CurrentActor() actor: Actor) {
    const startedOn = calendarDate(body.startedOn, 'startedOn');
    const endedOn = calendarDate(body.endedOn, 'endedOn');
    return this.act({ type: 'CompleteInternship', data: { planId, startedOn, endedOn } }, actor);
  }

  @Post(':id/engineering-internships')
  @HttpCode(200)
  @Roles('training-directorate', 'admin')
  @ApiOperation({ summary: 'MOB-5 / MOB-6: the engineering (or free) internship done before or after an exchange' })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse(STATE_REFUSAL)
  recordEngineeringInternship(
    @Param('id') planId: string,
    @Body() body: EngineeringInternshipDto,
    @CurrentActor() actor: Actor,
  ) {
    const data = {
      planId,
      internshipKind: body.internshipKind,
      startOn: calendarDate(body.startOn, 'startOn'),
      endOn: calendarDate(body.endOn, 'endOn'),
      lastObligation: body.lastObligation,
    };
    return this.act({ type: 'RecordEngineeringInternship', data }, actor);
  }

  private async act(action: PlanAction, actor: Actor): Promise<PlanView> {
    await this.commands.execute(new ActOnPlanCommand(action, actor));
    return this.plans.view(action.data.planId, actor);
  }
}
