import { configureApp, DeploymentNames, signDevToken, StartupSteps, type Role } from '@admissions/platform';
import type { INestApplication, Type } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeWithin } from './bounded-close';
import { testEnv } from './test-env';
import { uniqueName } from './eventually';
import { keepOpenApiDocument, recordExchanges } from './openapi-observations';

export interface ServiceUnderTest {
  readonly app: INestApplication;
  /** Base URL of the running service, e.g. http://127.0.0.1:41235 */
  readonly url: string;
  readonly database: string;
  /** Its topic, group and queue names (DEPLOYMENT_NAMESPACE), to read or feed its topics. */
  readonly names: DeploymentNames;
  /** A development bearer token for a role and subject. */
  token(role: Role, subject: string): string;
  /** Same, with several roles. */
  tokenFor(subject: string, roles: readonly Role[]): string;
  /** Its Nest app's close, bounded (closeWithin): a hang is named, not waited out. */
  close(): Promise<void>;
}

const DEV_KEYS = join(__dirname, '..', '..', '..', '.local', 'dev-jwt');

/**
 * Boots a service's root module in this process against the real servers, on a fresh database
 * of its own and a free port, exactly as main.ts would (same middleware, filters, guards).
 * It has a deployment namespace of its own unless `overrides` give one: services that must talk to
 * each other through Kafka in one test are given the same. Its HTTP
 * exchanges are recorded for the OpenAPI conformance check (openapi-observations.ts).
 */
export async function startService(
  name: string,
  rootModule: Type<unknown>,
  overrides: Record<string, string> = {},
  /** Changes the testing module before it compiles, e.g. `(b) => b.overrideProvider(CLOCK).useValue(clock)`. */
  configure: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
  /** false: return as soon as it listens, as a service started before its servers does. */
  waitForStartup = true,
): Promise<ServiceUnderTest> {
  const env = testEnv();
  const database = uniqueName(`test_${name}`);
  const namespace = overrides.DEPLOYMENT_NAMESPACE ?? uniqueName(name);
  mkdirSync(DEV_KEYS, { recursive: true });
  Object.assign(process.env, {
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    MONGO_URL: env.mongoUrl,
    REDIS_URL: env.redisUrl,
    AUTH_DEV_KEY_DIR: DEV_KEYS,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGO_DB: database,
    PORT: '0',
    ...overrides,
    DEPLOYMENT_NAMESPACE: namespace,
  });
  const moduleRef = await configure(Test.createTestingModule({ imports: [rootModule] })).compile();
  // TEST_LOG_LEVEL shows the services' own warnings too (a stop step left behind, a consumer retrying).
  const app = moduleRef.createNestApplication({
    logger: process.env.TEST_LOG_LEVEL ? ['fatal', 'error', 'warn'] : false,
  });
  configureApp(app, name);
  recordExchanges(app, name);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  // Tests start from a service whose consumers, workers and seeds are running, as readiness says.
  if (waitForStartup) await app.get(StartupSteps).settled();
  const address = app.getHttpServer().address() as { port: number };
  const keys = { AUTH_DEV_KEY_DIR: DEV_KEYS };
  const url = `http://127.0.0.1:${address.port}`;
  await keepOpenApiDocument(url, name);
  return {
    app,
    url,
    database,
    names: new DeploymentNames(namespace),
    token: (role, subject) => signDevToken({ sub: subject, roles: [role] }, keys),
    tokenFor: (subject, roles) => signDevToken({ sub: subject, roles: [...roles] }, keys),
    close: () => closeWithin(`the ${name} service`, () => app.close()),
  };
}
