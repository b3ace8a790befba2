import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { Admin, Kafka } from 'kafkajs';
import { shutdownStep } from '../resilience/shutdown-step';
import { StartupSteps } from '../resilience/startup-steps';
import { KAFKA, MONGO_DB, REDIS } from '../tokens';
import type { Db } from '../connections/mongo-database';

const PROBE_TIMEOUT_MS = 2_000;
const KAFKA_ANSWER_REUSE_MS = 1_000;

async function withTimeout<T>(what: string, promise: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

@Injectable()
export class MongoHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(MONGO_DB) private readonly db: Db,
  ) {}

  async check(key = 'mongo') {
    const session = this.indicators.check(key);
    try {
      await withTimeout('MongoDB ping', this.db.admin().ping());
      return session.up();
    } catch (error) {
      return session.down({ message: reason(error) });
    }
  }
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(key = 'redis') {
    const session = this.indicators.check(key);
    try {
      const answer = await withTimeout('Redis PING', this.redis.ping());
      return answer === 'PONG' ? session.up() : session.down({ message: `PING answered ${answer}` });
    } catch (error) {
      return session.down({ message: reason(error) });
    }
  }
}

/**
 * Asks the cluster for its brokers through one admin client kept connected between probes, so a
 * probe costs one request rather than a connection; after a failure the client is rebuilt.
 * Probes arriving together share one request, and an answer is reused for a second: a burst of
 * probes (several kubelets, a scraper, a client polling) must not queue behind the broker.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private admin: Promise<Admin> | undefined;
  private probe: { readonly brokers: Promise<number>; readonly at: number } | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  async check(key = 'kafka') {
    const session = this.indicators.check(key);
    try {
      return session.up({ brokers: await this.brokers() });
    } catch (error) {
      return session.down({ message: reason(error) });
    }
  }

  private brokers(): Promise<number> {
    if (this.probe === undefined || Date.now() - this.probe.at > KAFKA_ANSWER_REUSE_MS) {
      const brokers = this.describe();
      this.probe = { brokers, at: Date.now() };
      // A failure is not reused: the next probe asks again, through a new client.
      brokers.catch(() => {
        if (this.probe?.brokers === brokers) this.probe = undefined;
      });
    }
    return this.probe.brokers;
  }

  private async describe(): Promise<number> {
    try {
      const admin = await withTimeout('Kafka connect', this.connectedAdmin());
      return (await withTimeout('Kafka describeCluster', admin.describeCluster())).brokers.length;
    } catch (error) {
      await this.dropAdmin();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await shutdownStep(
      'health check kafka admin',
      () => this.dropAdmin(),
      (message) => this.logger.warn(message),
    );
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private async dropAdmin(): Promise<void> {
    const pending = this.admin;
    this.admin = undefined;
    if (pending === undefined) return;
    await pending.then((admin) => admin.disconnect()).catch(() => undefined);
  }
}

/** Down while a start-up step (indexes, topics, consumers, workers) has not succeeded yet. */
@Injectable()
export class StartupHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly steps: StartupSteps,
  ) {}

  check(key = 'startup') {
    const session = this.indicators.check(key);
    const pending = this.steps.pending();
    return pending.length === 0 ? session.up() : session.down({ pending });
  }
}
