import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { BaseEnv } from '../config/base-env';
import { answerClientErrorsAsProblems } from './client-errors';

/** The largest JSON (or form) body a service reads; uploads have their own multipart limit (10 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * What every service answers with, before any route: helmet's headers (a CSP that Swagger UI at
 * /docs still runs under: its scripts are files of its own, its styles inline), bodies of at most
 * BODY_LIMIT_BYTES (413 problem+json beyond), requests Node's parser refuses (headers over 16 kB:
 * 431) answered as problem+json too, and CORS only for the origins CORS_ALLOWED_ORIGINS lists.
 */
export function hardenHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  answerClientErrorsAsProblems(app.getHttpServer());
  express.use(
    helmet({
      contentSecurityPolicy: {
        // The services are reached over plain http on workstations, where an upgrade breaks /docs.
        directives: { upgradeInsecureRequests: null },
      },
    }),
  );
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: false });
  const env = app.get(BaseEnv);
  // Behind an ingress the client address (the rate limits key on it) is in X-Forwarded-For.
  if (env.TRUSTED_PROXY_HOPS > 0) express.set('trust proxy', env.TRUSTED_PROXY_HOPS);
  const origins = env.CORS_ALLOWED_ORIGINS;
  // No CORS headers at all unless origins are listed: browsers then refuse every other site.
  if (origins.length > 0) {
    express.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-correlation-id', 'x-consistency-token'],
      exposedHeaders: ['x-correlation-id', 'retry-after', 'x-consistency-token'],
    });
  }
}
