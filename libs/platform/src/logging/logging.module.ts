import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule, type Params } from 'nestjs-pino';
import pino, { type Logger as PinoInstance } from 'pino';
import { BaseEnv } from '../config/base-env';
import { currentCorrelationId, correlationIdFrom, CORRELATION_HEADER } from './correlation';

/** The process's one pino instance: Nest, pino-http and the kafkajs adapter all write through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

// Probes hit these every few seconds; logging each would drown the useful lines.
const QUIET_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * Never written, at whatever depth a log call puts them (pino's paths have fixed depths, so three
 * levels are listed): a person's data, which the events keep under `personal`, contact addresses,
 * credentials. Messages are text and cannot be redacted: they name ids, never a person's data.
 */
const SECRET_KEYS = ['personal', 'email', 'recipientEmail', 'authorization', 'cookie', 'token', 'password'];
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** `destination`: where the lines go, standard output by default (a test captures them). */
export function createRootLogger(
  env: Pick<BaseEnv, 'LOG_LEVEL' | 'SERVICE_NAME'>,
  destination?: pino.DestinationStream,
): PinoInstance {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: env.SERVICE_NAME },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId === undefined ? {} : { correlationId };
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export function pinoParams(logger: PinoInstance): Params {
  return {
    pinoHttp: {
      logger,
      genReqId: (req: IncomingMessage) => currentCorrelationId() ?? correlationIdFrom(req.headers[CORRELATION_HEADER]),
      autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
      customLogLevel: (_req, res, error) => {
        if (error !== undefined || res.statusCode >= 500) return 'error';
        return res.statusCode >= 400 ? 'warn' : 'info';
      },
    },
  };
}

/** JSON logs through pino; Nest's own Logger writes through it once bootstrap calls useLogger. */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [ROOT_LOGGER], useFactory: pinoParams })],
  providers: [{ provide: ROOT_LOGGER, useFactory: createRootLogger, inject: [BaseEnv] }],
  exports: [ROOT_LOGGER],
})
export class LoggingModule {}
