import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS } from '@admissions/platform';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';

const TYPES: Record<number, string> = {
  401: 'urn:admissions:problem:signed-out',
  403: 'urn:admissions:problem:forbidden',
  404: 'urn:admissions:problem:not-found',
  503: 'urn:admissions:problem:service-unavailable',
};

/** The gateway's own refusals as application/problem+json, like the services'. */
@Catch()
export class GatewayProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = error instanceof HttpException ? error.getStatus() : 500;
    if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (res.headersSent) return void res.end();
    // A 503 is a server the gateway needs not answering: said as such, with when to ask again.
    const said = error instanceof HttpException && (status < 500 || status === 503);
    const detail = said ? error.message : 'Unexpected error in the gateway';
    if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .json({
        type: TYPES[status] ?? 'about:blank',
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail,
        instance: req.originalUrl,
      });
  }
}
