import type { Clock } from '@admissions/domain-kernel';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeploymentNames } from '../config/deployment-names';
import { BullConnections } from '../connections/bull-connections';
import { SERVICE_NAME } from '../config/platform-config.module';
import { shutdownStep } from '../resilience/shutdown-step';
import { StartupSteps } from '../resilience/startup-steps';
import { CLOCK, REDIS } from '../tokens';
import { PersonErasure } from '../erasure/person-erasure';
import { ErasureByKeyDestruction, ErasurePort } from './erasure.port';
import { runRetention, type RetentionReport } from './retention-run';
import { RetentionSelector } from './retention.port';

/** The cron pattern (Europe/Paris) of the service's daily retention run, or `off`. */
export const RETENTION_SCHEDULE = Symbol('RETENTION_SCHEDULE');

const SCHEDULER_ID = 'daily';

/**
 * Runs the service's retention policy on a BullMQ job scheduler: one job per occurrence of the
 * pattern however many replicas run, taken by one worker. Each run is logged with its counts per
 * category; each person due is erased (ErasurePort: their key destroyed, PersonErased published).
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionSchedule.name);
  private readonly connections: BullConnections;
  private queue?: Queue;
  private worker?: Worker<unknown, RetentionReport>;

  constructor(
    private readonly selector: RetentionSelector,
    private readonly erasure: ErasurePort,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) redis: Redis,
    @Inject(RETENTION_SCHEDULE) private readonly pattern: string,
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly names: DeploymentNames,
    private readonly steps: StartupSteps,
  ) {
    this.connections = new BullConnections(redis, `${service}-retention`);
  }

  onApplicationBootstrap(): void {
    this.steps.run('retention schedule', () => this.start());
  }

  /** The queue's scheduler as Redis holds it: its pattern and next run, or undefined when off. */
  async scheduled(): Promise<{ pattern?: string | null; next?: number } | undefined> {
    return (await this.queueOf().getJobScheduler(SCHEDULER_ID)) ?? undefined;
  }

  /** One live run, as the scheduled job does it. */
  async runOnce(): Promise<RetentionReport> {
    const report = await runRetention(this.selector, this.erasure, this.clock.now(), false);
    this.logger.log({ msg: 'retention run', asOf: report.asOf, categories: report.categories });
    return report;
  }

  private async start(): Promise<void> {
    await this.applySchedule();
    if (this.pattern !== 'off') this.worker ??= this.startWorker(this.queueOf().name);
  }

  /** Idempotent: at start-up, and again whenever Redis comes back (it may have lost the scheduler). */
  private async applySchedule(): Promise<void> {
    const queue = this.queueOf();
    if (this.pattern === 'off') {
      await queue.removeJobScheduler(SCHEDULER_ID);
      return;
    }
    await queue.upsertJobScheduler(
      SCHEDULER_ID,
      { pattern: this.pattern, tz: 'Europe/Paris' },
      { name: 'retention', opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
  }

  private queueOf(): Queue {
    if (this.queue === undefined) {
      const connection = this.connections.open('queue');
      this.queue = new Queue(this.names.queue(`retention-${this.service}`), { connection });
      this.queue.on('error', (error) => this.logger.error(`retention queue: ${error.message}`));
      connection.on('ready', () =>
        this.applySchedule().catch((error: unknown) =>
          this.logger.warn(`retention schedule: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    }
    return this.queue;
  }

  private startWorker(name: string): Worker<unknown, RetentionReport> {
    const worker = new Worker<unknown, RetentionReport>(name, () => this.runOnce(), {
      connection: this.connections.open('worker'),
    });
    worker.on('failed', (_job, error) => this.logger.error(`retention run failed: ${error.message}`));
    worker.on('error', (error) => this.logger.error(`retention worker: ${error.message}`));
    return worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await shutdownStep(
      'retention job',
      () => this.connections.close(this.worker, this.queue),
      (message) => this.logger.warn(message),
    );
  }
}

/**
 * The retention job of a service that provides its RetentionSelector and RETENTION_SCHEDULE:
 * the schedule, and the erasure it hands each person due to.
 */
export const retentionProviders: Provider[] = [
  PersonErasure,
  {
    provide: ErasurePort,
    inject: [PersonErasure],
    useFactory: (erasure: PersonErasure) => new ErasureByKeyDestruction(erasure),
  },
  RetentionSchedule,
];
