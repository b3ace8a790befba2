import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '@admissions/domain-kernel';
import { ErasureDto, ErasureRequestDto, PersonParamsDto } from './erasure.dto';
import { type ErasureOutcome, PersonErasure } from './person-erasure';

@ApiTags('erasure')
@Controller('v1/persons')
export class ErasureController {
  constructor(private readonly erasure: PersonErasure) {}

  @Post(':personId/erasure')
  @HttpCode(200)
  @Roles('data-protection-officer')
  @ApiOperation({
    summary: 'Erase a person (GDPR art. 17): their data key is destroyed and every service purges their data',
    description:
      'Crypto-shredding (docs/security.md): the personal data sealed with the key no longer opens in the event ' +
      'store, on the topics or in a rebuild; PersonErased makes the five services purge their read models and ' +
      'documents within a minute. Idempotent: a repeat answers the first erasure.',
  })
  @ApiOkResponse({ type: ErasureDto })
  @ApiNotFoundResponse({ description: 'No personal data of this person is held (nothing is emitted)' })
  async erase(
    @Param() params: PersonParamsDto,
    @Body() body: ErasureRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<ErasureOutcome> {
    const { personId, erasedAt } = await this.erasure.erase(params.personId, body.reason, actor);
    return { personId, erasedAt };
  }
}
