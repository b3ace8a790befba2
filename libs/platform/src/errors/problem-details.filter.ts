import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NOT_YET_FOLDED_RETRY_SECONDS, NotYetFoldedError } from '../consistency/not-yet-folded.error';
import { currentCorrelationId } from '../logging/correlation';
import { PROBLEM_CONTENT_TYPE, RateLimitedError, RETRY_AFTER_SECONDS, toProblem } from './problem-details';

/** The one place where errors become HTTP answers: application/problem+json, always. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { problem, known } = toProblem(exception, req.originalUrl ?? req.url);

    if (exception instanceof NotYetFoldedError) {
      res.setHeader('Retry-After', String(NOT_YET_FOLDED_RETRY_SECONDS));
    } else if (problem.status === 503) {
      this.logger.warn(`${req.method} ${req.originalUrl}: dependency unavailable: ${String(exception)}`);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    if (exception instanceof RateLimitedError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (!known) {
      this.logger.error(
        `unexpected error on ${req.method} ${req.originalUrl}: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (res.headersSent) return;

    const correlationId = currentCorrelationId();
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(correlationId === undefined ? problem : { ...problem, correlationId }));
  }
}
