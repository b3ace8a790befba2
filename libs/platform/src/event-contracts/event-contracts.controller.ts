import { INPUT, NotFoundError } from '@admissions/domain-kernel';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { EventContractCatalogue } from './event-contracts.catalogue';

const SCHEMA_CONTENT_TYPE = 'application/schema+json';
// Schemas change only compatibly within a version; an hour keeps proxies from asking at every message.
const CACHE = 'public, max-age=3600';

/** The contracts of the topics the service writes, for subscribers outside the repository (docs/events.md). */
@ApiTags('event contracts')
@Public()
@Controller()
export class EventContractsController {
  constructor(private readonly catalogue: EventContractCatalogue) {}

  @Get('asyncapi.json')
  @Header('Cache-Control', CACHE)
  @ApiOperation({
    summary: 'The AsyncAPI 3.0 document of the Kafka topics this service writes',
    description:
      'Channels (internal event topic, public streams), messages with their CloudEvents headers, JSON Schema ' +
      'payloads and an example each (docs/events.md).',
  })
  @ApiOkResponse({
    description: 'An AsyncAPI 3.0 document',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['asyncapi', 'info', 'channels', 'operations'],
          additionalProperties: true,
          properties: {
            asyncapi: { type: 'string', enum: ['3.0.0'] },
            info: { type: 'object' },
            channels: { type: 'object' },
            operations: { type: 'object' },
          },
        },
      },
    },
  })
  asyncApi(): Record<string, unknown> {
    return this.catalogue.asyncApi;
  }

  @Get('asyncapi.html')
  @Header('Cache-Control', CACHE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The same topics and messages as a page for people',
    description: 'Each topic (public or internal), its messages with their schema link and an example body.',
  })
  @ApiOkResponse({ description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } })
  streamsPage(): string {
    return this.catalogue.streamsPage;
  }

  @Get('schemas/:type/v:version.json')
  @Header('Cache-Control', CACHE)
  @ApiOperation({
    summary: "The JSON Schema of one version of an event type's data",
    description: 'The URL each message of that type and version names in its `ce_dataschema` header.',
  })
  @ApiParam({ name: 'type', description: 'The event type (ce_type)', example: 'admissions.decision.admitted' })
  @ApiParam({
    name: 'version',
    description: 'The schema version (ce_schemaversion)',
    schema: { type: 'string', pattern: '^\\d+$', example: '1' },
  })
  @ApiOkResponse({
    description: 'A JSON Schema (draft-07) whose $id is this URL',
    content: {
      [SCHEMA_CONTENT_TYPE]: {
        schema: {
          type: 'object',
          required: ['$schema', '$id', 'title'],
          additionalProperties: true,
          properties: { $schema: { type: 'string' }, $id: { type: 'string' }, title: { type: 'string' } },
        },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'This service publishes no such type, or not at that version' })
  schema(
    @Param('type') type: string,
    @Param('version') version: string,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    const schema = /^\d+$/.test(version) ? this.catalogue.schemaOf(type, Number(version)) : undefined;
    if (schema === undefined) {
      throw new NotFoundError(`This service publishes no event type ${type} at version ${version}`, INPUT, 'type');
    }
    res.type(SCHEMA_CONTENT_TYPE);
    return schema;
  }
}
