import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type DomainErrorKind, assertNever } from '@admissions/domain-kernel';
import { STATUS_CODES } from 'node:http';
import { NotYetFoldedError } from '../consistency/not-yet-folded.error';
import { isDependencyUnavailable } from '../resilience/unavailable';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'urn:admissions:problem:';
/** What a 503 asks a client to wait: the servers come back within seconds when they come back. */
export const RETRY_AFTER_SECONDS = 5;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, with the rule and field a refusal names when it names one. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly ruleId?: string;
  readonly field?: string;
  readonly errors?: readonly FieldProblem[];
  readonly correlationId?: string;
}

/** A request the ValidationPipe refused, with one entry per offending field. */
export class RequestValidationError extends HttpException {
  constructor(readonly errors: readonly FieldProblem[]) {
    super(`Invalid request: ${errors.map((e) => e.field).join(', ')}`, HttpStatus.BAD_REQUEST);
  }
}

/** A command over a rate limit (rate-limit.module.ts): 429, with the seconds to wait. */
export class RateLimitedError extends HttpException {
  constructor(
    /** Whose commands were counted: the user's, the client address's, or the user's uploads. */
    readonly scope: string,
    readonly limit: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `More than ${limit} ${scope === 'upload' ? 'uploads' : 'commands'} in ${windowSeconds} s ` +
        `${scope === 'address' ? 'from this address' : 'by this user'}; retry after ${retryAfterSeconds} s.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function domainStatus(kind: DomainErrorKind): { status: number; title: string } {
  switch (kind) {
    case 'validation':
      return { status: 400, title: 'The request breaks a rule' };
    case 'forbidden':
      return { status: 403, title: 'Forbidden' };
    case 'not-found':
      return { status: 404, title: 'Not found' };
    case 'conflict':
      return { status: 409, title: 'Changed by someone else; reload and retry' };
    // 409 stays for concurrency, so that a client knows a retry may succeed; a refusal by the
    // aggregate's state will not go away on retry.
    case 'illegal-state':
      return { status: 422, title: 'Not allowed in the current state' };
    default:
      return assertNever(kind);
  }
}

/** Errors from body-parser and friends (http-errors): a status and a message safe to show. */
interface ExposableHttpError {
  status: number;
  expose: boolean;
  message: string;
  type?: string;
  /** body-parser's limit, in bytes, on a body too large. */
  limit?: number;
}

function isExposableHttpError(error: unknown): error is ExposableHttpError {
  const candidate = error as Partial<ExposableHttpError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

function httpTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

/**
 * A request refused before any route read it, as body-parser and the router refuse it (Nest's
 * express adapter hands their errors over wrapped in an HttpException): the problem type names
 * the rule it broke (JSON syntax, the body limit, a charset or encoding, the URL's encoding).
 */
function requestProblem(error: unknown, instance: string): ProblemDetails | undefined {
  const cause = [error, error instanceof HttpException ? error.cause : undefined];
  const malformedUrl = cause.find(
    (candidate) => candidate instanceof URIError && (candidate as URIError & { status?: number }).status === 400,
  );
  if (malformedUrl !== undefined) {
    return {
      type: `${PROBLEM_TYPE_BASE}malformed-url`,
      title: 'The URL is not valid percent-encoded UTF-8',
      status: 400,
      detail: 'A path parameter is not valid percent-encoded UTF-8.',
      instance,
    };
  }
  const parserError = cause.find(isExposableHttpError);
  if (parserError === undefined) return undefined;
  switch (parserError.type) {
    case 'entity.too.large':
      return {
        type: `${PROBLEM_TYPE_BASE}body-too-large`,
        title: 'The request body is too large',
        status: 413,
        detail: `The request body is larger than the limit of ${parserError.limit ?? 'the service'} bytes.`,
        instance,
      };
    case 'entity.parse.failed':
      return {
        type: `${PROBLEM_TYPE_BASE}malformed-body`,
        title: 'The request body is not valid JSON',
        status: parserError.status,
        detail: parserError.message,
        instance,
      };
    default:
      return {
        type: `${PROBLEM_TYPE_BASE}${slug(httpTitle(parserError.status))}`,
        title: httpTitle(parserError.status),
        status: parserError.status,
        detail: parserError.message,
        instance,
      };
  }
}

/**
 * What a thrown error becomes on the wire. `known` is false for errors nobody anticipated: the
 * caller logs those, and their message is not shown.
 */
export function toProblem(error: unknown, instance: string): { problem: ProblemDetails; known: boolean } {
  if (error instanceof DomainError) {
    const { status, title } = domainStatus(error.kind);
    return {
      known: true,
      problem: {
        type: `${PROBLEM_TYPE_BASE}${error.kind}`,
        title,
        status,
        detail: error.message,
        instance,
        ...(error.ruleId === undefined ? {} : { ruleId: error.ruleId }),
        ...(error.field === undefined ? {} : { field: error.field }),
      },
    };
  }
  if (error instanceof RequestValidationError) {
    return {
      known: true,
      problem: {
        type: `${PROBLEM_TYPE_BASE}request-validation`,
        title: 'The request is not valid',
        status: 400,
        detail: error.message,
        instance,
        errors: error.errors,
      },
    };
  }
  if (error instanceof RateLimitedError) {
    return {
      known: true,
      problem: {
        type: `${PROBLEM_TYPE_BASE}rate-limited`,
        title: 'Too many requests; retry later',
        status: 429,
        detail: error.message,
        instance,
        ruleId: `RATE-LIMIT-${error.scope.toUpperCase()}`,
      },
    };
  }
  const refusedRequest = requestProblem(error, instance);
  if (refusedRequest !== undefined) return { known: true, problem: refusedRequest };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return {
      known: true,
      problem: { type: 'about:blank', title: httpTitle(status), status, detail: httpDetail(error), instance },
    };
  }
  if (error instanceof NotYetFoldedError) {
    return {
      known: true,
      problem: {
        type: `${PROBLEM_TYPE_BASE}not-yet-consistent`,
        title: 'The read models do not show your write yet; retry later',
        status: 503,
        detail: `${error.message}; ask again with the same token after the delay in Retry-After.`,
        instance,
      },
    };
  }
  if (isDependencyUnavailable(error)) {
    return {
      known: true,
      problem: {
        type: `${PROBLEM_TYPE_BASE}dependency-unavailable`,
        title: 'A server this service needs is unavailable; retry later',
        status: 503,
        detail: 'The database, the broker or the queue does not answer for now; retry after the delay in Retry-After.',
        instance,
      },
    };
  }
  return {
    known: false,
    problem: {
      type: 'about:blank',
      title: httpTitle(500),
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
      instance,
    },
  };
}
