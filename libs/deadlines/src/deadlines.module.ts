import { CLOCK, DeploymentNames, METRICS_REGISTRY, MONGO_DB, REDIS } from '@admissions/platform';
import type { Clock } from '@admissions/domain-kernel';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';

import { DeadlineScheduler, type DeadlineSchedulerOptions } from './deadline-scheduler';
import type { DeadlineDatabase } from './deadline.repository';
import { DeadlinesLifecycle } from './deadlines.lifecycle';

export interface DeadlinesModuleOptions extends Pick<
  DeadlineSchedulerOptions,
  'queueName' | 'reconcileEveryMs' | 'attempts' | 'backoffMs' | 'concurrency'
> {
  /** BullMQ's Redis; without it the connection options of the REDIS client are copied. */
  readonly redisUrl?: string;
}

/**
 * Provides the service's DeadlineScheduler from the platform's shared clients, on the queue named
 * in the deployment's namespace (`<ns>-deadlines-jury`). It starts on
 * bootstrap as a start-up step (worker, reconcile, periodic reconciler) and closes on shutdown, so handlers are
 * registered with `onDue` in constructors or onModuleInit, before the first job runs.
 */
@Module({})
export class DeadlinesModule {
  static forService(options: DeadlinesModuleOptions): DynamicModule {
    const { redisUrl, ...schedulerOptions } = options;
    return {
      module: DeadlinesModule,
      providers: [
        {
          provide: DeadlineScheduler,
          inject: [
            MONGO_DB,
            CLOCK,
            DeploymentNames,
            { token: REDIS, optional: true },
            { token: METRICS_REGISTRY, optional: true },
          ],
          useFactory: (
            mongo: DeadlineDatabase,
            clock: Clock,
            names: DeploymentNames,
            redis: Redis | undefined,
            metrics: Registry | undefined,
          ) => {
            const connection = redisUrl ?? redis;
            if (!connection) throw new Error('DeadlinesModule needs a redisUrl or a REDIS provider');
            return new DeadlineScheduler({
              ...schedulerOptions,
              queueName: names.queue(schedulerOptions.queueName),
              mongo,
              clock,
              redis: connection,
              metrics,
            });
          },
        },
        DeadlinesLifecycle,
      ],
      exports: [DeadlineScheduler],
    };
  }
}
