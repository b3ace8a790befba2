import type { OpenAPIObject } from '@nestjs/swagger';
import { CONSISTENCY_HEADER, READ_AFTER_BOUND_MS } from '../consistency/consistency-token';
import { NOT_YET_FOLDED_RETRY_SECONDS } from '../consistency/not-yet-folded.error';
import { PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS } from '../errors/problem-details';
import { BODY_LIMIT_BYTES } from '../hardening/http-hardening';

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
  '413': `The JSON body is over the limit of ${BODY_LIMIT_BYTES} bytes (1 MB)`,
  '415': 'The JSON body is in a charset or an encoding the service does not read (UTF-8, uncompressed)',
  '429':
    'Over a rate limit: commands per user or per client address, uploads per user (`docs/security.md`); ' +
    'retry after `Retry-After` seconds',
  '503': 'A server this service needs (database, broker, queue) is away; retry after `Retry-After` seconds',
};

/** A query's 503: besides a server away, a write its token names that the read models do not show yet. */
const QUERY_UNAVAILABLE =
  'A server this service needs (database, broker, queue) is away, or the read models have not shown the ' +
  `write named by \`${CONSISTENCY_HEADER}\` within ${READ_AFTER_BOUND_MS / 1000} s ` +
  '(`urn:admissions:problem:not-yet-consistent`); retry after `Retry-After` seconds';

const retryAfter = {
  'Retry-After': {
    description:
      `Seconds to wait before retrying (${RETRY_AFTER_SECONDS}; ${NOT_YET_FOLDED_RETRY_SECONDS} when ` +
      'the read models have not shown a write yet)',
    schema: { type: 'integer' },
  },
};
const retryAfterLimit = {
  'Retry-After': { description: 'Seconds until the rate limit lets the request through', schema: { type: 'integer' } },
};

/** Read-your-writes (docs/service-guide.md): what a query accepts and what a command answers. */
const consistencyParameter = {
  name: CONSISTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    `The \`${CONSISTENCY_HEADER}\` of a command's reply: the query waits (at most ${READ_AFTER_BOUND_MS / 1000} s) ` +
    'until its read models show that write. A token this service never answered (malformed, another ' +
    "deployment's, beyond a stream's end) is refused with 400; one not shown in time answers 503 with Retry-After.",
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 2048 },
};
const consistencyHeader = {
  [CONSISTENCY_HEADER]: {
    description:
      `The writes this command stored (or found already stored), as an opaque token: send it as \`${CONSISTENCY_HEADER}\` ` +
      'on a query to read them. Absent when the request stored nothing through a command.',
    schema: { type: 'string' },
  },
};
const wwwAuthenticate = { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } };

const takesJson = (operation: Json): boolean =>
  Object.keys(((operation.requestBody as Json | undefined)?.content as Json | undefined) ?? {}).includes(
    'application/json',
  );

/** The methods the rate limits count (rate-limit.module.ts). */
const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'];

/** The error statuses an operation can answer, whether or not its controller named them. */
function platformStatuses(operation: Json, method: string, secured: boolean): string[] {
  const parameters = (operation.parameters as Json[] | undefined) ?? [];
  return [
    ...(operation.requestBody !== undefined || parameters.length > 0 ? ['400'] : []),
    ...(secured ? ['401', '403'] : []),
    ...(parameters.some((parameter) => parameter.in === 'path') ? ['404'] : []),
    ...(takesJson(operation) ? ['413', '415'] : []),
    ...(COMMAND_METHODS.includes(method) ? ['429'] : []),
    '503',
  ];
}

function problemResponse(status: string, existing: Json | undefined, query: boolean): Json {
  const headers = {
    ...(status === '401' ? wwwAuthenticate : {}),
    ...(status === '503' ? retryAfter : {}),
    ...(status === '429' ? retryAfterLimit : {}),
    ...((existing?.headers as Json | undefined) ?? {}),
  };
  return {
    ...existing,
    description:
      (existing?.description as string | undefined) ||
      (query && status === '503' ? QUERY_UNAVAILABLE : DEFAULT_DESCRIPTIONS[status]) ||
      'Refused',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    // A controller that documents its own error body (the readiness report) keeps it.
    content: existing?.content ?? {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
    },
  };
}

/** The API's routes (`/v1/…`): its GETs are queries, its other methods commands. */
function withReadYourWrites(operation: Json, path: string, method: string): Json {
  if (!path.startsWith('/v1/')) return operation;
  if (method === 'get') {
    return {
      ...operation,
      parameters: [...((operation.parameters as Json[] | undefined) ?? []), consistencyParameter],
    };
  }
  const responses = Object.fromEntries(
    Object.entries((operation.responses as Json | undefined) ?? {}).map(([status, response]) => {
      if (!status.startsWith('2')) return [status, response];
      const headers = { ...(((response as Json).headers as Json | undefined) ?? {}), ...consistencyHeader };
      return [status, { ...(response as Json), headers }];
    }),
  );
  return { ...operation, responses };
}

function describeOperation(operation: Json, bearerScheme: string, path: string, method: string): Json {
  const { [PUBLIC_EXTENSION]: isPublic, ...rest } = withReadYourWrites(operation, path, method);
  const secured = isPublic !== true;
  const query = method === 'get' && path.startsWith('/v1/');
  const responses = { ...((rest.responses as Json | undefined) ?? {}) };
  const errorStatuses = new Set([
    ...platformStatuses(rest, method, secured),
    ...Object.keys(responses).filter((status) => Number(status) >= 400),
  ]);
  for (const status of errorStatuses) responses[status] = problemResponse(status, responses[status] as Json, query);
  return { ...rest, security: secured ? [{ [bearerScheme]: [] }] : [], responses };
}

/**
 * Every operation's errors as application/problem+json (the one Problem schema), its security:
 * none for @Public() routes, the bearer token for all others; and read-your-writes on the API's
 * routes: the token header on every command's success, the header a query accepts.
 */
export function describeErrorsAndSecurity(document: OpenAPIObject, bearerScheme: string): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) => [
          key,
          HTTP_METHODS.includes(key) ? describeOperation(value as Json, bearerScheme, path, key) : value,
        ]),
      ),
    ]),
  );
  const schemas = { ...document.components?.schemas, [PROBLEM_SCHEMA]: problemSchema };
  const { security: _global, ...rest } = document;
  return { ...rest, paths, components: { ...document.components, schemas } } as OpenAPIObject;
}
