import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ActOnPlanCommand, PlanAction } from '../application/plan-action.handler';
import { PlanReader } from '../application/plan-reader';
import type { PlanView } from '../application/plan-view';
import { ApproveLearningAgreementDto, CoursesDto } from './learning-agreement.dto';
import { LearningAgreementDto } from './responses.dto';

/** The learning agreement of an exchange (MOB-5, MOB-6): every version is kept and can be read. */
@ApiTags('learning agreements')
@ApiOkResponse({ type: LearningAgreementDto, description: 'The learning agreement, every version' })
@ApiNotFoundResponse({ description: "No such plan, or another student's" })
@Controller('v1/plans/:id/learning-agreement')
export class LearningAgreementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly plans: PlanReader,
  ) {}

  @Get()
  @Roles('student', 'study-advisor', 'training-directorate', 'international-office', 'admin')
  @ApiOperation({ summary: 'Every version of the learning agreement, oldest first, with its status' })
  async history(@Param('id') planId: string, @CurrentActor() actor: Actor) {
    const plan = await this.plans.view(planId, actor);
    return learningAgreementOf(plan);
  }

  @Post('proposals')
  @HttpCode(200)
  @Roles('student')
  @ApiOperation({ summary: 'Before departure: propose a new version of the courses' })
  @ApiUnprocessableEntityResponse({ description: 'Not allowed in the state of the plan' })
  propose(@Param('id') planId: string, @Body() body: CoursesDto, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ProposeLearningAgreement', data: { planId, courses: body.courses } }, actor);
  }

  @Post('changes')
  @HttpCode(200)
  @Roles('student')
  @ApiOperation({ summary: 'During the mobility: change the courses (a new version awaiting approval)' })
  @ApiUnprocessableEntityResponse({ description: 'The mobility has not started, or is over' })
  change(@Param('id') planId: string, @Body() body: CoursesDto, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ChangeLearningAgreement', data: { planId, courses: body.courses } }, actor);
  }

  @Post('approvals')
  @HttpCode(200)
  @Roles('study-advisor', 'admin')
  @ApiOperation({ summary: 'MOB-5 / MOB-6: the study advisor approves the latest version (30 / 60 ECTS)' })
  @ApiUnprocessableEntityResponse({ description: 'Not allowed in the state of the plan' })
  @ApiBadRequestResponse({ description: 'The version does not total the ECTS required (ruleId MOB-5 or MOB-6)' })
  approve(@Param('id') planId: string, @Body() body: ApproveLearningAgreementDto, @CurrentActor() actor: Actor) {
    return this.act({ type: 'ApproveLearningAgreement', data: { planId, version: body.version } }, actor);
  }

  private async act(action: PlanAction, actor: Actor) {
    await this.commands.execute(new ActOnPlanCommand(action, actor));
    return learningAgreementOf(await this.plans.view(action.data.planId, actor));
  }
}

function learningAgreementOf(plan: PlanView) {
  const versions = plan.learningAgreement;
  const approved = [...versions].reverse().find((version) => version.status === 'APPROVED');
  return {
    planId: plan.planId,
    planStatus: plan.status,
    approvedVersion: approved?.version ?? null,
    latestVersion: versions.length === 0 ? null : versions[versions.length - 1].version,
    versions,
  };
}
