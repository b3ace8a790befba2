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

export function createRootLogger(env: Pick<BaseEnv, 'LOG_LEVEL' | 'SERVICE_NAME'>): PinoInstance {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: env.SERVICE_NAME },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId === undefined ? {} : { correlationId };
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
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
