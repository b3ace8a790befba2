import type { OpenAPIObject } from '@nestjs/swagger';
import { describeErrorsAndSecurity, PROBLEM_SCHEMA, PUBLIC_EXTENSION } from './error-responses';
import { toOpenApi31 } from './openapi-31';
import { closeRequestSchemas } from './request-schemas';

const problem = { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };

describe('toOpenApi31', () => {
  it('writes nullable types, enums and references as JSON Schema 2020-12', () => {
    expect(
      toOpenApi31({
        properties: {
          ref: { type: 'string', nullable: true },
          count: { type: 'integer', nullable: true },
          kind: { type: 'string', enum: ['A', 'B'], nullable: true },
          split: { type: 'object', nullable: true, description: 'MOB-6', allOf: [{ $ref: '#/components/schemas/S' }] },
          ects: { type: 'number', minimum: 0, exclusiveMinimum: true },
        },
      }),
    ).toEqual({
      properties: {
        ref: { type: ['string', 'null'] },
        count: { type: ['integer', 'null'] },
        kind: { type: ['string', 'null'], enum: ['A', 'B', null] },
        split: { description: 'MOB-6', anyOf: [{ $ref: '#/components/schemas/S' }, { type: 'null' }] },
        ects: { type: 'number', exclusiveMinimum: 0 },
      },
    });
  });
});

describe('describeErrorsAndSecurity', () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    security: [{ bearer: [] }],
    paths: {
      '/things/{id}': {
        post: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '200': { description: 'ok' }, '422': { description: 'THING-1: too late' } },
        },
      },
      '/catalogue': { get: { [PUBLIC_EXTENSION]: true, responses: { '200': { description: 'ok' } } } },
    },
  } as unknown as OpenAPIObject;
  const described = describeErrorsAndSecurity(document, 'bearer');

  it('gives a secured operation the bearer requirement and every error it can answer, as problem+json', () => {
    const operation = described.paths['/things/{id}'].post;
    expect(operation?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '422',
      '429',
      '503',
    ]);
    expect(operation?.responses['422']).toEqual({ description: 'THING-1: too late', content: problem });
    expect(operation?.responses['503']).toMatchObject({ headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    expect(operation?.responses['429']).toMatchObject({
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: problem,
    });
    expect(described.components?.schemas?.[PROBLEM_SCHEMA]).toMatchObject({
      required: expect.arrayContaining(['type']),
    });
  });

  it('answers 413 only where a JSON body is read (uploads keep their own limit)', () => {
    const upload = describeErrorsAndSecurity(
      {
        ...document,
        paths: { '/files': { post: { requestBody: { content: { 'multipart/form-data': {} } }, responses: {} } } },
      } as unknown as OpenAPIObject,
      'bearer',
    ).paths['/files'].post;
    expect(upload?.responses).not.toHaveProperty('413');
    expect(upload?.responses).toHaveProperty('429');
    expect(described.paths['/things/{id}'].post?.responses['413']).toMatchObject({ content: problem });
  });

  it('opens a @Public() operation to callers without a token', () => {
    const operation = described.paths['/catalogue'].get;
    expect(operation?.security).toEqual([]);
    expect(operation).not.toHaveProperty(PUBLIC_EXTENSION);
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '503']);
  });
});

describe('closeRequestSchemas', () => {
  it('closes the schemas a request body uses, and only those', () => {
    const document = {
      paths: {
        '/things': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } },
            responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } } },
          },
        },
      },
      components: {
        schemas: {
          In: { type: 'object', properties: { part: { $ref: '#/components/schemas/Part' } } },
          Part: { type: 'object', properties: {} },
          Out: { type: 'object', properties: {} },
        },
      },
    } as unknown as OpenAPIObject;
    const schemas = closeRequestSchemas(document).components?.schemas;
    expect(schemas?.In).toHaveProperty('additionalProperties', false);
    expect(schemas?.Part).toHaveProperty('additionalProperties', false);
    expect(schemas?.Out).not.toHaveProperty('additionalProperties');
  });
});
