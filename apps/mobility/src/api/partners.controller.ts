import { type Actor, ValidationError, INPUT } from '@admissions/domain-kernel';
import { CurrentActor, Roles, SignedIn } from '@admissions/platform';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { MobilityQueries } from '../application/mobility.queries';
import { ChangePartnerCommand, RegisterPartnerCommand } from '../application/partner.handlers';
import { isAcademicYear } from '../projections';
import {
  ChangePartnerDto,
  PlacesQueryDto,
  RegisterPartnerDto,
  toPartnerChanges,
  toPartnerDetails,
} from './partners.dto';
import { PartnerDto, PartnerEntryDto, PartnerPlacesDto } from './responses.dto';

/** The partner catalogue, kept by the international office; every signed-in user may read it. */
@ApiTags('partners')
@Controller('v1/partners')
export class PartnersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: MobilityQueries,
  ) {}

  @Post()
  @Roles('international-office', 'admin')
  @ApiOperation({ summary: 'Register a partner institution and the agreements it offers' })
  @ApiCreatedResponse({ type: PartnerDto, description: 'The partner, registered' })
  @ApiBadRequestResponse({ description: 'A field is invalid (problem+json naming it)' })
  async register(@Body() body: RegisterPartnerDto, @CurrentActor() actor: Actor) {
    const partnerId = randomUUID();
    await this.commands.execute(new RegisterPartnerCommand(partnerId, toPartnerDetails(body), actor));
    return this.queries.partner(partnerId);
  }

  @Patch(':id')
  @Roles('international-office', 'admin')
  @ApiOperation({ summary: "Change a partner's name, country or agreements (fields left out are kept)" })
  @ApiOkResponse({ type: PartnerDto, description: 'The partner, changed' })
  @ApiNotFoundResponse({ description: 'No such partner' })
  async change(@Param('id') partnerId: string, @Body() body: ChangePartnerDto, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ChangePartnerCommand(partnerId, toPartnerChanges(body), actor));
    return this.queries.partner(partnerId);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The partner catalogue, by name' })
  @ApiOkResponse({ type: [PartnerEntryDto] })
  list() {
    return this.queries.partnerList();
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One partner and its agreements' })
  @ApiOkResponse({ type: PartnerDto })
  @ApiNotFoundResponse({ description: 'No such partner' })
  partner(@Param('id') partnerId: string) {
    return this.queries.partner(partnerId);
  }

  @Get(':id/places')
  @Roles('international-office', 'training-directorate', 'admin')
  @ApiOperation({ summary: 'Places per agreement for an academic year, and the plans that use them' })
  @ApiOkResponse({ type: PartnerPlacesDto })
  @ApiNotFoundResponse({ description: 'No such partner' })
  places(@Param('id') partnerId: string, @Query() query: PlacesQueryDto) {
    if (!isAcademicYear(query.year)) {
      throw new ValidationError('year must be two consecutive years, e.g. 2026-2027', INPUT, 'year');
    }
    return this.queries.partnerPlaces(partnerId, query.year);
  }
}
