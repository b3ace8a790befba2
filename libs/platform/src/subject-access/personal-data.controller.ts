import type { Actor, Clock } from '@admissions/domain-kernel';
import { EventStore } from '@admissions/event-store';
import { Controller, Get, Inject, type Provider, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../auth/auth.decorators';
import { SERVICE_NAME } from '../config/platform-config.module';
import { CLOCK } from '../tokens';
import { SubjectDataDto } from './personal-data.dto';
import { PersonalDataSource } from './personal-data.port';
import { exportSubjectData } from './subject-export';

/**
 * `GET /v1/me/data`, the same in every service: what the service holds about the caller. The
 * caller reads their own data only (the token's subject), so it is no staff read of a file and
 * goes to no access journal, whatever the caller's roles.
 */
@ApiTags('personal data')
@Controller('v1/me/data')
export class PersonalDataController {
  constructor(
    private readonly source: PersonalDataSource,
    private readonly store: EventStore,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Everything this service holds about the caller (GDPR art. 15)',
    description:
      'The read-model documents about the subject of the token and the events of their streams ' +
      '(type, version, time, data); events of shared streams are only theirs. Nobody reads another person’s data here.',
  })
  @ApiOkResponse({ type: SubjectDataDto })
  async data(@CurrentActor() actor: Actor): Promise<SubjectDataDto> {
    const holdings = await this.source.holdingsOf(actor.id);
    return exportSubjectData(this.store, holdings, {
      subjectId: actor.id,
      service: this.service,
      exportedAt: this.clock.now(),
    });
  }
}

/** The service's own PersonalDataSource, for its module's providers beside PersonalDataController. */
export const personalDataSource = (source: Type<PersonalDataSource>): Provider => ({
  provide: PersonalDataSource,
  useClass: source,
});
