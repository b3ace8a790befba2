import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Appended, DeclineOfferCommand, EnrolCommand } from '../application/programme-admissions.handlers';
import { type ApplicationView, JuryQueries } from '../application/jury.queries';
import { AppendedDto, ApplicationDto } from './responses.dto';

/** The candidate's side: their offers (JURY-4) and their applications with waiting-list rank. */
@ApiTags('candidate')
@Controller('v1')
export class OffersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: JuryQueries,
  ) {}

  @Post('programmes/:code/offers/:offerId/enrolment')
  @HttpCode(200)
  @Roles('candidate')
  @ApiOperation({ summary: 'JURY-4: enrol on your offer within its 10-day window (always succeeds then)' })
  @ApiOkResponse({ type: AppendedDto, description: 'CandidateEnrolled recorded' })
  @ApiNotFoundResponse({ description: 'No such offer, or not yours (JURY-4)' })
  @ApiUnprocessableEntityResponse({ description: 'The offer expired or was declined (JURY-4)' })
  enrol(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('offerId') offerId: string,
  ): Promise<Appended> {
    return this.commands.execute(new EnrolCommand(actor, code, offerId));
  }

  @Post('programmes/:code/offers/:offerId/decline')
  @HttpCode(200)
  @Roles('candidate')
  @ApiOperation({ summary: 'Decline your offer; the seat goes to the first on the waiting list (JURY-5)' })
  @ApiOkResponse({ type: AppendedDto, description: 'OfferDeclined recorded, and the offer to the next if any' })
  @ApiNotFoundResponse({ description: 'No such offer, or not yours (JURY-4)' })
  @ApiUnprocessableEntityResponse({ description: 'The offer expired or was enrolled on' })
  decline(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('offerId') offerId: string,
  ): Promise<Appended> {
    return this.commands.execute(new DeclineOfferCommand(actor, code, offerId));
  }

  @Get('me/applications')
  @Roles('candidate')
  @ApiOperation({ summary: 'JURY-3: your applications as the jury decided them, with your waiting-list rank' })
  @ApiOkResponse({ type: [ApplicationDto] })
  applications(@CurrentActor() actor: Actor): Promise<ApplicationView[]> {
    return this.queries.applicationsOf(actor.id);
  }
}
