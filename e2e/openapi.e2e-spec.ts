import { CONSISTENCY_HEADER, declaredRoutes, PROBLEM_SCHEMA } from '@admissions/platform';
import { startService, type ServiceUnderTest } from '@admissions/testing';
import type { Type } from '@nestjs/common';
import { Validator } from '@seriousme/openapi-schema-validator';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { JuryModule } from '../apps/jury/src/jury.module';
import { MobilityModule } from '../apps/mobility/src/mobility.module';
import { NotificationModule } from '../apps/notification/src/notification.module';
import { ReviewModule } from '../apps/review/src/review.module';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const SERVICES: readonly [string, Type<unknown>][] = [
  ['candidacy', CandidacyModule],
  ['review', ReviewModule],
  ['jury', JuryModule],
  ['notification', NotificationModule],
  ['mobility', MobilityModule],
];
const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` };

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );

describe.each(SERVICES)('the OpenAPI document of %s (/docs-json)', (name, module) => {
  let svc: ServiceUnderTest;
  let document: Document;

  beforeAll(async () => {
    // The document needs no server: the service is read as soon as it listens.
    svc = await startService(name, module, {}, (builder) => builder, false);
    document = (await (await fetch(`${svc.url}/docs-json`)).json()) as Document;
  });
  afterAll(() => svc.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents a body schema for every success with a body, and every error as problem+json', () => {
    for (const {
      name: operation,
      operation: { responses },
    } of operationsOf(document)) {
      const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      expect({ operation, success: success.length > 0 }).toEqual({ operation, success: true });
      for (const [status, response] of success) {
        const withSchema = Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
        expect({ operation, status, withSchema }).toEqual({
          operation,
          status,
          withSchema: status !== '204' && status !== '202',
        });
      }
      expect(responses['503'].headers).toHaveProperty('Retry-After');
      for (const [status, response] of Object.entries(responses).filter(([code]) => code >= '400')) {
        if (operation === 'GET /health/ready' && status === '503') continue; // the readiness report itself
        expect({ operation, status, content: response.content }).toEqual({
          operation,
          status,
          content: { 'application/problem+json': { schema: PROBLEM_REF } },
        });
      }
    }
  });

  it('documents read-your-writes: the token on every command success, the header on every query', () => {
    for (const [path, item] of Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'))) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (method === 'get') {
          const accepted = (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === CONSISTENCY_HEADER);
          expect({ name, accepted }).toEqual({ name, accepted: true });
          expect(operation.responses['503'].headers).toHaveProperty('Retry-After');
        } else {
          for (const [status, response] of Object.entries(operation.responses).filter(([code]) => code < '300')) {
            expect({ name, status, headers: Object.keys(response.headers ?? {}) }).toEqual({
              name,
              status,
              headers: expect.arrayContaining([CONSISTENCY_HEADER]),
            });
          }
        }
      }
    }
  });

  it('asks a bearer token, and documents 401 and 403, on every route but the @Public() ones', () => {
    const publicOperations = new Set(
      declaredRoutes(svc.app)
        .filter((route) => route.access.kind === 'public')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(publicOperations.has('GET /health/live')).toBe(true);
    for (const { name: operation, operation: details } of operationsOf(document)) {
      const secured = (details.security ?? []).length > 0;
      const isPublic = publicOperations.has(operation);
      expect({ operation, secured }).toEqual({ operation, secured: !isPublic });
      if (secured) expect(Object.keys(details.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });
});
