import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS } from '../errors/problem-details';

/** Marks an operation opened by @Public(); replaced by `security: []` in the document. */
export const PUBLIC_EXTENSION = 'x-admissions-public';
export const PROBLEM_SCHEMA = 'Problem';

type Json = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: { type: 'string', examples: ['urn:admissions:problem:illegal-state'] },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path of the request' },
    ruleId: { type: 'string', description: 'The business rule that refused the request', examples: ['JURY-4'] },
    field: { type: 'string', description: 'The field the refusal is about' },
    errors: {
      type: 'array',
      description: 'Each invalid field of a refused request',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    correlationId: { type: 'string' },
  },
};

const DEFAULT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '400': 'The request is not valid (`errors` names each field) or breaks a rule (`ruleId`, `field`)',
  '401': 'No bearer token, or one that is not valid',
  '403': 'The token does not carry a role this needs',
  '404': 'Not found',
  '503': 'A server this service needs (database, broker, queue) is away; retry after `Retry-After` seconds',
};

const retryAfter = {
  'Retry-After': {
    description: `Seconds to wait before retrying (${RETRY_AFTER_SECONDS})`,
    schema: { type: 'integer' },
  },
};
const wwwAuthenticate = { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } };

/** The error statuses an operation can answer, whether or not its controller named them. */
function platformStatuses(operation: Json, secured: boolean): string[] {
  const parameters = (operation.parameters as Json[] | undefined) ?? [];
  return [
    ...(operation.requestBody !== undefined || parameters.length > 0 ? ['400'] : []),
    ...(secured ? ['401', '403'] : []),
    ...(parameters.some((parameter) => parameter.in === 'path') ? ['404'] : []),
    '503',
  ];
}

function problemResponse(status: string, existing: Json | undefined): Json {
  const headers = {
    ...(status === '401' ? wwwAuthenticate : {}),
    ...(status === '503' ? retryAfter : {}),
    ...((existing?.headers as Json | undefined) ?? {}),
  };
  return {
    ...existing,
    description: (existing?.description as string | undefined) || DEFAULT_DESCRIPTIONS[status] || 'Refused',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    // A controller that documents its own error body (the readiness report) keeps it.
    content: existing?.content ?? {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
    },
  };
}

function describeOperation(operation: Json, bearerScheme: string): Json {
  const { [PUBLIC_EXTENSION]: isPublic, ...rest } = operation;
  const secured = isPublic !== true;
  const responses = { ...((rest.responses as Json | undefined) ?? {}) };
  const errorStatuses = new Set([
    ...platformStatuses(rest, secured),
    ...Object.keys(responses).filter((status) => Number(status) >= 400),
  ]);
  for (const status of errorStatuses) responses[status] = problemResponse(status, responses[status] as Json);
  return { ...rest, security: secured ? [{ [bearerScheme]: [] }] : [], responses };
}

/**
 * Every operation's errors as application/problem+json (the one Problem schema), and its
 * security: none for @Public() routes, the bearer token for all others.
 */
export function describeErrorsAndSecurity(document: OpenAPIObject, bearerScheme: string): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) => [
          key,
          HTTP_METHODS.includes(key) ? describeOperation(value as Json, bearerScheme) : value,
        ]),
      ),
    ]),
  );
  const schemas = { ...document.components?.schemas, [PROBLEM_SCHEMA]: problemSchema };
  const { security: _global, ...rest } = document;
  return { ...rest, paths, components: { ...document.components, schemas } } as OpenAPIObject;
}
