import { createRootLogger } from '@admissions/platform';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { AuthController } from './auth/auth.controller';
import { OidcClient } from './auth/oidc-client';
import { GatewayEnv } from './config/gateway-env';
import { HealthController } from './health.controller';
import { loggedRequest } from './logged-request';
import { GatewayProblemFilter } from './problem.filter';
import { ApiProxyController } from './proxy/api-proxy.controller';
import { SessionGuard } from './session/session.guard';
import { SessionRefresher } from './session/session-refresher';
import { REDIS_CLIENT, SessionStore } from './session/session.store';

// Static files and probes would drown the useful lines.
const QUIET_PATHS = /^\/(health\/|assets\/|favicon)/;

/** The browsers' one entry: sign-in, sessions, the API forwarded to the services, the web app. */
@Module({})
export class GatewayModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  static register(env: GatewayEnv): DynamicModule {
    const logger = createRootLogger({ LOG_LEVEL: env.LOG_LEVEL, SERVICE_NAME: 'gateway' });
    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
            // The root logger already redacts headers (cookie, authorization) and personal data.
            serializers: { req: loggedRequest },
          },
        }),
      ],
      controllers: [AuthController, ApiProxyController, HealthController],
      providers: [
        { provide: GatewayEnv, useValue: env },
        // Sessions wait for Redis rather than fail at once when it blips.
        { provide: REDIS_CLIENT, useFactory: () => new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 }) },
        {
          provide: SessionStore,
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis) => new SessionStore(redis, env.SESSION_IDLE_SECONDS),
        },
        { provide: OidcClient, useFactory: () => new OidcClient(env) },
        SessionRefresher,
        SessionGuard,
        { provide: APP_FILTER, useClass: GatewayProblemFilter },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
