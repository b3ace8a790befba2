import { DeadlineScheduler, type DeadlineDatabase } from '@admissions/deadlines';
import type { Clock } from '@admissions/domain-kernel';
import { CLOCK, METRICS_REGISTRY, MONGO_DB, REDIS } from '@admissions/platform';
import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { NotificationEnv } from '../config';

/**
 * The offer reminders' scheduler (libs/deadlines), as DeadlinesModule.forService would provide
 * it, but with the queue named by the environment (DEADLINES_QUEUE) so that each test instance
 * has its own. DeadlinesLifecycle (beside it in the module) starts and closes it.
 */
export const deadlineSchedulerProvider: Provider = {
  provide: DeadlineScheduler,
  inject: [NotificationEnv, MONGO_DB, CLOCK, REDIS, METRICS_REGISTRY],
  useFactory: (env: NotificationEnv, mongo: DeadlineDatabase, clock: Clock, redis: Redis, metrics: Registry) =>
    new DeadlineScheduler({ queueName: env.DEADLINES_QUEUE, mongo, clock, redis, metrics }),
};
