import { logLevel, type logCreator } from 'kafkajs';
import type { Logger as PinoInstance } from 'pino';

function pinoLevel(level: logLevel): 'error' | 'warn' | 'info' | 'debug' {
  switch (level) {
    case logLevel.ERROR:
    case logLevel.NOTHING:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    case logLevel.DEBUG:
      return 'debug';
  }
}

/** Routes kafkajs's own logger into pino, so broker trouble shows up in the same JSON stream. */
export function kafkaLogCreator(root: PinoInstance): logCreator {
  const logger = root.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log as typeof log & { logger?: string };
      logger[pinoLevel(level)]({ namespace, ...extra }, message);
    };
}
