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
import { ActOnProgramme } from '../application/programme-admissions.handlers';
import { offer, type OfferView } from '../application/programme-admissions.replies';
import { type ApplicationView, JuryQueries } from '../application/jury.queries';
import { ApplicationDto, OfferDto } from './responses.dto';

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
  @ApiOkResponse({ type: OfferDto, description: 'The offer, enrolled (also when asked again)' })
  @ApiNotFoundResponse({ description: 'No such offer, or not yours (JURY-4)' })
  @ApiUnprocessableEntityResponse({ description: 'The offer expired or was declined (JURY-4)' })
  async enrol(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('offerId') offerId: string,
  ): Promise<OfferView> {
    const intent = { type: 'Enrol', data: { offerId } } as const;
    return offer(await this.commands.execute(new ActOnProgramme(actor, code, intent)), offerId);
  }

  @Post('programmes/:code/offers/:offerId/decline')
  @HttpCode(200)
  @Roles('candidate')
  @ApiOperation({ summary: 'Decline your offer; the seat goes to the first on the waiting list (JURY-5)' })
  @ApiOkResponse({
    type: OfferDto,
    description: 'The offer, declined (also when asked again); its seat is offered to the first on the waiting list',
  })
  @ApiNotFoundResponse({ description: 'No such offer, or not yours (JURY-4)' })
  @ApiUnprocessableEntityResponse({ description: 'The offer expired or was enrolled on' })
  async decline(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('offerId') offerId: string,
  ): Promise<OfferView> {
    const intent = { type: 'DeclineOffer', data: { offerId } } as const;
    return offer(await this.commands.execute(new ActOnProgramme(actor, code, intent)), offerId);
  }

  @Get('me/applications')
  @Roles('candidate')
  @ApiOperation({ summary: 'JURY-3: your applications as the jury decided them, with your waiting-list rank' })
  @ApiOkResponse({ type: [ApplicationDto] })
  applications(@CurrentActor() actor: Actor): Promise<ApplicationView[]> {
    return this.queries.applicationsOf(actor.id);
  }
}
