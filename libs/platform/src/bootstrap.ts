import { ConsoleLogger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { BaseEnv } from './config/base-env';
import { ConfigError, loadEnv } from './config/load-env';
import { hardenHttp } from './hardening/http-hardening';
import { writtenCommitsMiddleware } from './consistency/written-commits';
import { correlationMiddleware } from './logging/correlation.middleware';
import { setUpOpenApi } from './openapi/swagger';
import { envClassOf } from './platform.module';

/**
 * What every app needs beyond its modules: correlation ids ahead of every other middleware
 * (pino-http's included), the record of each request's writes (read-your-writes), the HTTP
 * hardening and the OpenAPI document. Tests call it on their
 * own test apps too.
 */
export function configureApp(app: INestApplication, serviceName: string): void {
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(writtenCommitsMiddleware);
  hardenHttp(app);
  setUpOpenApi(app, serviceName);
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/**
 * Starts a service: validates its settings (one line and exit 1 if any is wrong), builds the
 * app with the platform's logger, serves on PORT, and on SIGTERM/SIGINT stops taking requests,
 * lets in-flight ones finish and closes the shared clients.
 */
export async function bootstrapService(appModule: Type<unknown>, name: string): Promise<INestApplication> {
  let env: BaseEnv;
  try {
    env = loadEnv(envClassOf(name), process.env, name);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let app: NestExpressApplication;
  try {
    // Until pino takes over, and on a failed start, Nest's own logger writes JSON too, so a log
    // collector reads every line the same way.
    app = await NestFactory.create<NestExpressApplication>(appModule, {
      bufferLogs: true,
      abortOnError: false,
      logger: new ConsoleLogger({ json: true, colors: false, logLevels: ['fatal', 'error', 'warn', 'log'] }),
    });
  } catch (error) {
    fail(`${name}: start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  configureApp(app, name);
  // process.exit(0) after the hooks, rather than re-raising the signal, so a clean stop exits 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });

  await app.listen(env.PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  logger.log(`${name} listening on http://localhost:${port} (docs http://localhost:${port}/docs)`, 'Bootstrap');
  return app;
}
