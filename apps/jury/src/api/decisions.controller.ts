import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DECISION_STAFF, DecisionExplanations, type ExplanationView } from '../application/decision-explanations';
import { explanationLanguage } from '../application/explanation-wording';
import { ExplanationQueryDto } from './decisions.dto';
import { DecisionExplanationDto } from './responses.dto';

/** "Why this decision" (JURY-2, JURY-3): what the jury had when it decided, each fact with its event. */
@ApiTags('decisions')
@Controller('v1/decisions')
export class DecisionsController {
  constructor(private readonly explanations: DecisionExplanations) {}

  @Get(':decisionId/explanation')
  @Roles('candidate', ...DECISION_STAFF)
  @ApiOperation({
    summary: 'Why this decision: what the jury had when it decided, replayed up to the decision',
    description:
      "decisionId is the decision's ce_id on admissions.decisions.v1 (`decision-<event id>`), also in " +
      'GET /v1/me/applications. A candidate reads their own decisions, jury members, admissions officers ' +
      'and admins any. Each item cites the jury event it is read from and the source event (ce_id) it came in with.',
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'fr or en (q-values honoured) when `lang` is absent; French otherwise',
  })
  @ApiOkResponse({
    type: DecisionExplanationDto,
    description: 'What the jury had when it decided; later events (a corrected opinion, a seat freed) do not change it',
    headers: { 'Content-Language': { description: 'fr or en', schema: { type: 'string', enum: ['fr', 'en'] } } },
  })
  @ApiNotFoundResponse({ description: "No such decision, or someone else's (for a candidate)" })
  async explanation(
    @CurrentActor() actor: Actor,
    @Param('decisionId') decisionId: string,
    @Query() query: ExplanationQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExplanationView> {
    const language = explanationLanguage(query.lang, acceptLanguage);
    const view = await this.explanations.explain(actor, decisionId, language);
    response.setHeader('Content-Language', language);
    response.setHeader('Vary', 'Accept-Language');
    return view;
  }
}
