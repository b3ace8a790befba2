import { ConformanceChecker, type OpenApiDocument } from './openapi-conformance';

const document: OpenApiDocument = {
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: { 'application/problem+json': { schema: { type: 'object', required: ['status'] } } } },
        },
      },
      delete: { responses: { '204': {} } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'at'],
        properties: {
          id: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          note: { type: ['string', 'null'] },
        },
      },
    },
  },
};
const json = 'application/json; charset=utf-8';

describe('ConformanceChecker', () => {
  const checker = new ConformanceChecker('things', document);

  it('accepts replies that match their documented response', () => {
    const thing = { id: 't-1', at: '2026-03-10T10:00:00.000Z', note: null };
    expect(checker.check({ method: 'GET', path: '/v1/things/{id}', status: 200, contentType: json, body: thing })).toBe(
      undefined,
    );
    const problem = { status: 404 };
    const contentType = 'application/problem+json';
    expect(checker.check({ method: 'GET', path: '/v1/things/{id}', status: 404, contentType, body: problem })).toBe(
      undefined,
    );
    expect(checker.check({ method: 'DELETE', path: '/v1/things/{id}', status: 204, contentType: null })).toBe(
      undefined,
    );
    expect(checker.check({ method: 'GET', path: '/docs-json', status: 200, contentType: json, body: {} })).toBe(
      undefined,
    );
  });

  it('names the service, operation, status and the schema error of a body that breaks its schema', () => {
    const body = { id: 't-1', at: 'yesterday' };
    expect(checker.check({ method: 'GET', path: '/v1/things/{id}', status: 200, contentType: json, body })).toBe(
      'things GET /v1/things/{id} 200: /at must match format "date-time" {"format":"date-time"}',
    );
  });

  it('refuses a property the schema does not list', () => {
    const body = { id: 't-1', at: '2026-03-10T10:00:00Z', _id: 'internal' };
    expect(checker.check({ method: 'GET', path: '/v1/things/{id}', status: 200, contentType: json, body })).toBe(
      'things GET /v1/things/{id} 200: (body) must NOT have additional properties {"additionalProperty":"_id"}',
    );
  });

  it('refuses an undocumented status, content type or operation', () => {
    const observed = { path: '/v1/things/{id}', contentType: json, body: { id: 't-1', at: '2026-03-10T10:00:00Z' } };
    expect(checker.check({ ...observed, method: 'GET', status: 409 })).toBe(
      'things GET /v1/things/{id} 409: the status is not documented',
    );
    expect(checker.check({ ...observed, method: 'GET', status: 404 })).toBe(
      'things GET /v1/things/{id} 404: a application/json body is not documented',
    );
    expect(checker.check({ ...observed, method: 'PUT', status: 200 })).toBe(
      'things PUT /v1/things/{id} 200: the operation is not documented',
    );
  });
});
