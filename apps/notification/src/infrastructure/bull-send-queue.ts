import { ProjectionRunner } from '@admissions/projections';
import { BullConnections, DeploymentNames, REDIS, shutdownStep, StartupSteps } from '@admissions/platform';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { NotificationDelivery, type DeliveryOutcome } from '../application/notification-delivery';
import type { SendJobs } from '../application/ports';
import { NotificationEnv } from '../config';
import { sendBacklog } from '../projections';

interface SendJobData {
  readonly notificationId: string;
  readonly round: number;
}

/** The send jobs' BullMQ queue, in the deployment's namespace. */
export const SEND_QUEUE_NAME = 'notification-send';

/** BullMQ refuses ':' in custom ids; notification ids have none. One job per notification and round. */
export function sendJobId(notificationId: string, round: number): string {
  return `${notificationId}-round-${round}`;
}

/**
 * Send jobs on BullMQ: attempts with exponential backoff, then the notification is marked
 * failed (by the job's last attempt). Redis keeps the jobs across a restart of the service, and a
 * job that was running when the process died is picked up again once its lock lapses. A job
 * Redis never got (a crash right after the append) or lost is re-created from the backlog read
 * model at start-up and periodically.
 */
@Injectable()
export class BullSendQueue implements SendJobs, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BullSendQueue.name);
  private readonly queue: Queue<SendJobData>;
  private readonly connections: BullConnections;
  private worker?: Worker<SendJobData, DeliveryOutcome>;
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<number>;
  private readonly queueName: string;

  constructor(
    private readonly env: NotificationEnv,
    names: DeploymentNames,
    @Inject(REDIS) redis: Redis,
    private readonly delivery: NotificationDelivery,
    private readonly projections: ProjectionRunner,
    private readonly steps: StartupSteps,
  ) {
    this.connections = new BullConnections(redis);
    this.queueName = names.queue(SEND_QUEUE_NAME);
    this.queue = new Queue<SendJobData>(this.queueName, {
      connection: this.connections.open('queue'),
      defaultJobOptions: {
        attempts: env.SEND_ATTEMPTS,
        backoff: { type: 'exponential', delay: env.SEND_BACKOFF_MS },
        // The outcome lives in the notification's stream, not in Redis; a kept job would also
        // make a later add with the same id a no-op.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    this.queue.on('error', (error) => this.logger.error(`send queue: ${error.message}`));
  }

  async enqueue(notificationId: string, round: number): Promise<void> {
    // An add with the id of a job still waiting, delayed or running is a no-op.
    await this.queue.add('send', { notificationId, round }, { jobId: sendJobId(notificationId, round) });
  }

  onApplicationBootstrap(): void {
    this.steps.run('send queue', () => this.start());
  }

  private async start(): Promise<void> {
    this.worker ??= this.startWorker(this.connections.open('worker'));
    await this.reconcile();
    if (this.env.SEND_RECONCILE_MS > 0 && !this.timer) {
      this.timer = setInterval(
        () => void this.reconcile().catch((e: unknown) => this.warn(e)),
        this.env.SEND_RECONCILE_MS,
      );
      this.timer.unref();
    }
  }

  private startWorker(connection: Redis): Worker<SendJobData, DeliveryOutcome> {
    const worker = new Worker<SendJobData, DeliveryOutcome>(this.queueName, (job) => this.run(job), {
      connection,
      concurrency: 5,
    });
    worker.on('error', (error) => this.logger.error(`send worker: ${error.message}`));
    return worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await shutdownStep(
      'send queue',
      () => this.close(),
      (message) => this.logger.warn(message),
    );
  }

  private async close(): Promise<void> {
    await this.reconciling?.catch(() => undefined);
    // Lets a running send finish (and record its outcome) before the clients close.
    await this.connections.close(this.worker, this.queue);
  }

  /** Queues every owed notification whose job is missing; answers how many it looked at. */
  reconcile(): Promise<number> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<number> {
    const pending = await this.projections.collection(sendBacklog).find({ status: 'PENDING' }).toArray();
    for (const { _id, round } of pending) await this.enqueue(_id, round);
    return pending.length;
  }

  private run(job: Job<SendJobData>): Promise<DeliveryOutcome> {
    const attempt = job.attemptsMade + 1;
    return this.delivery.attempt({
      notificationId: job.data.notificationId,
      round: job.data.round,
      attempt,
      lastAttempt: attempt >= (job.opts.attempts ?? 1),
    });
  }

  private warn(error: unknown): void {
    this.logger.warn(`send reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
