import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, runWithCorrelation } from './correlation';

/**
 * Express middleware, mounted before everything else (pino-http included), so the request's
 * own log lines and every line logged while handling it carry the id.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  res.setHeader(CORRELATION_HEADER, id);
  runWithCorrelation(id, next);
}
