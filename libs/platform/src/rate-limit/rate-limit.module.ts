import { type ExecutionContext, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import Redis from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { METRICS_REGISTRY } from '../tokens';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler-storage';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');
/** Commands change state; reads are not limited. */
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>();
const isUpload = (request: AuthenticatedRequest) =>
  (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * The limits, from the settings (README): commands per user (token subject), commands per client
 * address, and uploads per user (or address), each over RATE_LIMIT_WINDOW_SECONDS. Keys are the
 * deployment's, not the replica's, so the replicas of a service count together.
 */
function limits(env: BaseEnv, names: DeploymentNames, storage: RedisThrottlerStorage): ThrottlerModuleOptions {
  const ttl = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  // The throttler hands trackers the request untyped.
  const subject = (request: Partial<AuthenticatedRequest>) => request.actor?.id;
  const address = (request: Partial<AuthenticatedRequest>) => request.ip ?? 'unknown';
  // A throttler's own skipIf replaces the common one: each says both.
  const notCounted = (context: ExecutionContext) =>
    !env.RATE_LIMIT_ENABLED || context.getType() !== 'http' || !COMMAND_METHODS.has(requestOf(context).method);
  return {
    throttlers: [
      {
        name: 'user',
        ttl,
        limit: env.RATE_LIMIT_USER_COMMANDS,
        getTracker: (request) => subject(request) ?? '',
        skipIf: (context) => notCounted(context) || requestOf(context).actor === undefined,
      },
      { name: 'address', ttl, limit: env.RATE_LIMIT_ADDRESS_COMMANDS, getTracker: address },
      {
        name: 'upload',
        ttl,
        limit: env.RATE_LIMIT_UPLOADS,
        getTracker: (request) => subject(request) ?? address(request),
        skipIf: (context) => notCounted(context) || !isUpload(requestOf(context)),
      },
    ],
    skipIf: notCounted,
    generateKey: (_context, tracker, throttler) =>
      `${names.namespace ? `${names.namespace}:` : ''}rate-limit:${env.SERVICE_NAME}:${throttler}:${tracker}`,
    setHeaders: false,
    storage,
  };
}

/** Closes the limiter's own Redis client with the app. */
@Injectable()
class RateLimitRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * The limiter's own Redis client: it queues nothing while Redis is away and gives up on a command
 * after 500 ms, so that no request waits on the limiter.
 */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [BaseEnv],
      useFactory: (env: BaseEnv) => {
        const redis = new Redis(env.REDIS_URL, {
          connectionName: `${env.SERVICE_NAME}-rate-limit`,
          enableOfflineQueue: false,
          commandTimeout: 500,
          maxRetriesPerRequest: 0,
        });
        // It reconnects by itself; RedisThrottlerStorage logs an outage once.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    RateLimitRedisCloser,
  ],
  exports: [RATE_LIMIT_REDIS],
})
class RateLimitRedisModule {}

/**
 * Rate limits shared across replicas: @nestjs/throttler counting in Redis; when Redis does not
 * answer, requests pass (RedisThrottlerStorage). Imported after AuthModule so that its guard
 * runs after the token's, and knows the user.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitRedisModule],
      inject: [BaseEnv, DeploymentNames, RATE_LIMIT_REDIS, METRICS_REGISTRY],
      useFactory: (env: BaseEnv, names: DeploymentNames, redis: Redis, registry: Registry) => {
        const unavailable = new Counter({
          name: 'rate_limit_unavailable_total',
          help: 'Rate-limit checks (user, address, upload) passed unchecked because Redis did not answer',
          registers: [registry],
        });
        return limits(env, names, new RedisThrottlerStorage(redis, unavailable));
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
