import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { Kafka } from 'kafkajs';
import type { Logger as PinoInstance } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { BaseEnv } from '../config/base-env';
import { serviceClock } from '../config/service-clock';
import { kafkaLogCreator } from '../logging/kafka-log-creator';
import { ROOT_LOGGER } from '../logging/logging.module';
import { StartupModule } from '../resilience/startup.module';
import { shutdownStep } from '../resilience/shutdown-step';
import { StartupSteps } from '../resilience/startup-steps';
import { CLOCK, KAFKA, METRICS_REGISTRY, MONGO_DB, REDIS } from '../tokens';
import { mirrorIndexesAsGin } from './ferretdb-gin-indexes';
import { MongoDatabase } from './mongo-database';

/**
 * On FerretDB over PostgreSQL (FERRETDB_PG_URL set: local runs), keeps GIN indexes beside the
 * indexes the service declares, without which FerretDB scans a table even to find one _id.
 * Collections appear as the service first writes to them, so it looks again now and then: soon
 * after start-up, when most appear, then every 5 minutes (each look opens a PostgreSQL session).
 * infra/local's PostgreSQL indexes each table as FerretDB creates it (ferretdb-gin.sql); these
 * looks serve a server without that trigger, and tables made before it.
 */
@Injectable()
class FerretdbIndexMirror implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FerretdbIndexes');
  private timer?: NodeJS.Timeout;

  constructor(private readonly env: BaseEnv) {}

  onApplicationBootstrap(): void {
    const pgUrl = this.env.FERRETDB_PG_URL;
    if (!pgUrl) return;
    const mirror = () =>
      void mirrorIndexesAsGin(pgUrl, this.env.MONGO_DB).catch((error: unknown) =>
        this.logger.warn(`GIN indexes not brought up to date: ${String(error)}`),
      );
    let delay = 1000;
    const next = () => {
      this.timer = setTimeout(() => {
        mirror();
        delay = Math.min(delay * 2, 300_000);
        next();
      }, delay);
      this.timer.unref();
    };
    next();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }
}

/** Closes the shared clients after the HTTP server has drained, so in-flight requests finish. */
@Injectable()
class ConnectionsCloser implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly mongo: MongoDatabase,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`${signal ?? 'close'}: finishing in-flight requests, then closing clients`);
  }

  async onApplicationShutdown(): Promise<void> {
    const warn = (message: string) => this.logger.warn(message);
    await Promise.all([
      shutdownStep('mongodb client', () => this.mongo.close(), warn),
      shutdownStep('redis client', () => this.redis.quit(), warn),
    ]);
    this.logger.log('stopped');
  }
}

@Module({
  imports: [StartupModule],
  providers: [
    {
      provide: MongoDatabase,
      inject: [BaseEnv, StartupSteps],
      useFactory: (env: BaseEnv, steps: StartupSteps) => {
        const mongo = new MongoDatabase(env.MONGO_URL, env.MONGO_DB);
        steps.run('mongodb', () => mongo.connect());
        return mongo;
      },
    },
    { provide: MONGO_DB, inject: [MongoDatabase], useFactory: (mongo: MongoDatabase) => mongo.db },
    {
      provide: KAFKA,
      inject: [BaseEnv, ROOT_LOGGER],
      useFactory: (env: BaseEnv, root: PinoInstance) =>
        new Kafka({ clientId: env.SERVICE_NAME, brokers: env.KAFKA_BROKERS, logCreator: kafkaLogCreator(root) }),
    },
    {
      provide: REDIS,
      inject: [BaseEnv, ROOT_LOGGER],
      useFactory: (env: BaseEnv, root: PinoInstance) => {
        const redis = new Redis(env.REDIS_URL, { connectionName: env.SERVICE_NAME });
        // ioredis reconnects by itself; without a listener it would print to stderr instead.
        redis.on('error', (error: Error) => root.warn({ err: error, component: 'redis' }, 'Redis error'));
        return redis;
      },
    },
    {
      provide: CLOCK,
      inject: [BaseEnv],
      useFactory: serviceClock,
    },
    {
      provide: METRICS_REGISTRY,
      inject: [BaseEnv],
      useFactory: (env: BaseEnv) => {
        const registry = new Registry();
        registry.setDefaultLabels({ service: env.SERVICE_NAME });
        // The event-loop delay is sampled once a second, not every 10 ms: a sampler is a timer that
        // never sleeps, and wakes an idle process each time. A stall still shows whole: it delays
        // the sample after it by as long as it lasted.
        collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1000 });
        return registry;
      },
    },
    ConnectionsCloser,
    FerretdbIndexMirror,
  ],
  exports: [MongoDatabase, MONGO_DB, KAFKA, REDIS, CLOCK, METRICS_REGISTRY, StartupModule],
})
export class ConnectionsModule {}
