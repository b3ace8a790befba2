import type { Clock } from '@admissions/domain-kernel';
import { BullConnections, type BullRedis } from '@admissions/platform';
import { Logger } from '@nestjs/common';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';

import { DeadlineMetrics } from './deadline-metrics';
import { DEADLINES_AT_ONCE, DeadlineRepository, type DeadlineDatabase } from './deadline.repository';
import type {
  Deadline,
  DeadlineCommand,
  DeadlineHandler,
  DeadlineJobData,
  DeadlineLogger,
  DeadlineRequest,
} from './deadline.types';
import { delayUntil } from './delay';
import { dueOrder } from './due-order';
import { toJobId } from './job-id';
import { isMovableClock } from './movable-clock';

export interface DeadlineSchedulerOptions {
  /** One BullMQ queue per service, e.g. `deadlines-jury`. */
  readonly queueName: string;
  readonly redis: BullRedis;
  readonly mongo: DeadlineDatabase;
  readonly clock: Clock;
  readonly metrics?: Registry;
  readonly logger?: DeadlineLogger;
  /** Collection of the read model in the service's database; `deadlines` unless told. */
  readonly collectionName?: string;
  /**
   * How often Redis is asked whether it lost jobs (a wipe, a restart); 0 turns the periodic
   * check off (the reconciler still runs at start).
   */
  readonly reconcileEveryMs?: number;
  /** Runs of a failing handler before the deadline is marked FAILED. */
  readonly attempts?: number;
  /** First retry delay; it doubles on each retry. */
  readonly backoffMs?: number;
  readonly concurrency?: number;
}

export interface ReconcileResult {
  readonly checked: number;
  readonly recreated: number;
}

/**
 * Jobs run at once by default. A due job mostly waits on lookups (its deadline, the command's
 * stream, the outcome's insert), and deadlines bunch (a day's offers all end at 23:59:59 Paris):
 * jobs of one stream still queue on its command lock, jobs of others go side by side.
 */
const WORKER_CONCURRENCY = 16;

/** What a run of a job did; `superseded` tells the completed listener to re-create the job. */
type RunOutcome = 'fired' | 'settled' | 'not-pending' | 'superseded';

/**
 * Deadlines with BullMQ as the timer and Mongo as the truth. `schedule` writes the pending
 * deadline first and then a job whose id is derived from the deadline id, so scheduling again
 * replaces it. A due job re-reads the read model and runs the handler only if the deadline is
 * still pending with the same dueAt; a reconciler re-creates jobs that Redis lost.
 *
 * The reconciler reads every pending deadline, so it runs only when jobs may be missing: at
 * start, after Redis came back (a restart may lose the last second of writes), after a job could
 * not be written, and when Redis no longer holds the marker the last reconciliation left there
 * (a wipe). A check in between costs one Redis call, however many deadlines are pending.
 */
export class DeadlineScheduler {
  private readonly repository: DeadlineRepository;
  private readonly metrics: DeadlineMetrics;
  private readonly logger: DeadlineLogger;
  private readonly clock: Clock;
  private readonly connections: BullConnections;
  private readonly queueConnection: Redis;
  private readonly queue: Queue<DeadlineJobData>;
  private readonly handlers = new Map<string, DeadlineHandler>();
  private worker?: Worker<DeadlineJobData, RunOutcome>;
  private timer?: NodeJS.Timeout;
  private started = false;
  private stopFollowingClock?: () => void;
  private reconciling?: Promise<ReconcileResult>;
  private closing?: Promise<void>;
  /** Redis may lack some pending deadline's job: the next check reconciles. */
  private mayHaveLostJobs = true;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.clock = options.clock;
    this.logger = options.logger ?? new Logger(`Deadlines:${options.queueName}`);
    this.repository = new DeadlineRepository(options.mongo, options.collectionName);
    this.metrics = new DeadlineMetrics(options.metrics, () => this.repository.countPending());
    this.connections = new BullConnections(options.redis);
    this.queueConnection = this.connections.open('queue');
    this.queue = new Queue<DeadlineJobData>(options.queueName, {
      connection: this.queueConnection,
      defaultJobOptions: {
        attempts: options.attempts ?? 5,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
        // Finished jobs must go: a kept job would make a later add with the same id a no-op.
        // Outcomes live in the read model (FIRED / FAILED with lastError), not in Redis.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    // Without a listener an 'error' event (Redis down) would be thrown as uncaught.
    this.queue.on('error', (error) => this.logger.error(`Queue error: ${error.message}`, error.stack));
    // Every (re)connection: a Redis that restarted may have lost the writes of its last second.
    this.queueConnection.on('ready', () => (this.mayHaveLostJobs = true));
  }

  /** Left in the queue's own keys by a finished reconciliation: a wipe takes it with the jobs. */
  private get reconciledMarker(): string {
    return `${this.queue.qualifiedName}:reconciled`;
  }

  onDue<Data>(type: string, handler: DeadlineHandler<Data>): void {
    if (this.handlers.has(type)) throw new Error(`A deadline handler for ${type} is already registered`);
    this.handlers.set(type, handler as DeadlineHandler);
  }

  async schedule(deadlineId: string, dueAt: Date, command: DeadlineCommand): Promise<Deadline> {
    if (Number.isNaN(dueAt.getTime())) throw new Error(`Deadline ${deadlineId} has an invalid dueAt`);
    // The read model first: if Redis fails now, the reconciler still finds the deadline.
    const deadline = await this.repository.upsertPending(deadlineId, dueAt, command, this.clock.now());
    await this.ensureJob(deadline).catch((error: unknown) => {
      this.mayHaveLostJobs = true;
      throw error;
    });
    return deadline;
  }

  /**
   * Schedules each deadline unless its current schedule is already for this time, whatever its
   * status: scheduling it again from the same event (after a crash, a replay) neither duplicates
   * nor revives it. A batch (a jury session's offers) costs a few round trips: the current
   * schedules read in parallel, the new deadlines written at once and their jobs added with one
   * BullMQ addBulk. A job id is derived from its deadline id, so a job already in Redis is kept:
   * one job per deadline however often it is asked (one left by an older schedule finds itself
   * superseded when it runs and resyncs). A deadline scheduled before for another time is
   * rescheduled as `schedule` does, one by one.
   */
  async scheduleManyOnce(requests: readonly DeadlineRequest[]): Promise<Deadline[]> {
    const byId = new Map(requests.map((request) => [request.deadlineId, request]));
    for (const { deadlineId, dueAt } of byId.values()) {
      if (Number.isNaN(dueAt.getTime())) throw new Error(`Deadline ${deadlineId} has an invalid dueAt`);
    }
    const found = await Promise.all([...byId.keys()].map((id) => this.repository.find(id)));
    const current = new Map(found.filter((d): d is Deadline => d !== null).map((d) => [d.id, d]));
    const kept: Deadline[] = [];
    const fresh: DeadlineRequest[] = [];
    const moved: DeadlineRequest[] = [];
    for (const request of byId.values()) {
      const deadline = current.get(request.deadlineId);
      if (deadline === undefined) fresh.push(request);
      else if (deadline.dueAt.getTime() === request.dueAt.getTime()) kept.push(deadline);
      else moved.push(request);
    }
    const added = await this.repository.upsertManyPending(fresh, this.clock.now());
    await this.addJobs(added).catch((error: unknown) => {
      this.mayHaveLostJobs = true;
      throw error;
    });
    const rescheduled: Deadline[] = [];
    for (const { deadlineId, dueAt, command } of moved)
      rescheduled.push(await this.schedule(deadlineId, dueAt, command));
    return [...kept, ...added, ...rescheduled];
  }

  /** The deadline's current schedule and its status. */
  find(deadlineId: string): Promise<Deadline | null> {
    return this.repository.find(deadlineId);
  }

  /** Answers whether a pending deadline was cancelled. */
  async cancel(deadlineId: string): Promise<boolean> {
    const cancelled = await this.repository.markCancelled(deadlineId, this.clock.now());
    await this.removeJob(deadlineId);
    return cancelled;
  }

  /**
   * `cancel` for many deadlines in a few round trips: those a command made moot at once (a sweep
   * that expired a programme's overdue offers). Answers how many pending deadlines it cancelled;
   * their jobs are removed, and a job already running finds its deadline settled and skips.
   */
  async cancelMany(deadlineIds: readonly string[]): Promise<number> {
    const cancelled = await this.repository.markManyCancelled(deadlineIds, this.clock.now());
    for (let from = 0; from < cancelled.length; from += DEADLINES_AT_ONCE) {
      await Promise.all(cancelled.slice(from, from + DEADLINES_AT_ONCE).map((deadline) => this.removeJobOf(deadline)));
    }
    return cancelled.length;
  }

  /**
   * Starts the worker, follows a movable clock, reconciles, and schedules the reconciler. Safe to
   * call again after it failed (a server away at start-up): what is done already is kept.
   */
  async start(): Promise<void> {
    if (this.started) return;
    await this.repository.ensureIndexes();
    this.worker ??= this.startWorker();
    await this.reconcile();
    const every = this.options.reconcileEveryMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(
        () => void this.reconcileIfJobsLost().catch((error: unknown) => this.logFailure('Reconcile', error)),
        every,
      );
      // The reconciler alone must not keep a process (or a test run) alive.
      this.timer.unref();
    }
    this.started = true;
  }

  private startWorker(): Worker<DeadlineJobData, RunOutcome> {
    const worker = new Worker<DeadlineJobData, RunOutcome>(
      this.options.queueName,
      (job, token) => this.run(job, token),
      {
        connection: this.connections.open('worker'),
        concurrency: this.options.concurrency ?? WORKER_CONCURRENCY,
      },
    );
    worker.on('error', (error) => this.logger.error(`Worker error: ${error.message}`, error.stack));
    worker.on('failed', (job, error) => {
      if (job) this.logger.warn(`Deadline ${job.data.deadlineId} attempt ${job.attemptsMade} failed: ${error.message}`);
    });
    worker.on('completed', (job, outcome) => {
      if (outcome === 'superseded') void this.resync(job.data.deadlineId);
    });
    const clock = this.clock;
    if (isMovableClock(clock)) this.stopFollowingClock = clock.onMove((now) => this.promoteDue(now));
    return worker;
  }

  /** Re-creates the job of every pending deadline that Redis does not hold (or holds stale). */
  reconcile(): Promise<ReconcileResult> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  /** Reconciles when Redis may have lost jobs; otherwise one Redis call and nothing else. */
  async reconcileIfJobsLost(): Promise<ReconcileResult | undefined> {
    if (!this.mayHaveLostJobs && (await this.queueConnection.exists(this.reconciledMarker)) === 1) return undefined;
    return this.reconcile();
  }

  /**
   * Resolves once no deadline is due on the clock and no job is waiting or running: a test moves
   * the clock, then awaits this instead of sleeping. Polls Mongo and Redis every 10 ms.
   */
  async waitForIdle(timeoutMs = 10_000): Promise<void> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      const [due, counts] = await Promise.all([
        this.repository.countDuePending(this.clock.now()),
        this.queue.getJobCounts('active', 'waiting', 'prioritized'),
      ]);
      const queued = Object.values(counts).reduce((sum, count) => sum + count, 0);
      if (due === 0 && queued === 0) return;
      if (Date.now() > giveUpAt) {
        throw new Error(`Deadlines not idle after ${timeoutMs} ms: ${due} due, ${queued} queued or running`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async run(job: Job<DeadlineJobData>, token?: string): Promise<RunOutcome> {
    const deadline = await this.repository.find(job.data.deadlineId);
    if (deadline && deadline.generation !== job.data.generation) return 'superseded';
    // Cancelled, fired by an earlier run of a stalled job, or failed: nothing to do.
    if (deadline?.status !== 'PENDING') return 'not-pending';
    const early = delayUntil(deadline.dueAt, this.clock.now());
    if (early > 0) {
      // Ran before its time on the injected clock (a ManualClock not yet moved): hold it again.
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    try {
      const handler = this.handlers.get(deadline.command.type);
      if (!handler) throw new Error(`No deadline handler for ${deadline.command.type}`);
      await handler(deadline.command, deadline);
    } catch (error) {
      await this.failOnLastAttempt(job, deadline, error);
      throw error;
    }
    // The outcome's insert is the claim: a second run cannot count a second firing.
    const fired = await this.repository.markFired(deadline, this.clock.now());
    if (fired) this.metrics.firedOne(deadline.command.type);
    return fired ? 'fired' : 'settled';
  }

  private async failOnLastAttempt(job: Job<DeadlineJobData>, deadline: Deadline, error: unknown): Promise<void> {
    // attemptsMade counts the runs that failed before this one (BullMQ's own retry test).
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) return;
    const message = error instanceof Error ? error.message : String(error);
    if (!(await this.repository.markFailed(deadline, this.clock.now(), message))) return;
    this.metrics.failedOne(deadline.command.type);
    this.logger.error(
      `Deadline ${deadline.id} (${deadline.command.type}) failed after ${job.attemptsMade + 1} attempts: ${message}`,
      error instanceof Error ? error.stack : undefined,
    );
  }

  /**
   * Makes Redis hold one job for the deadline at its current dueAt: keeps a matching job (and
   * promotes it if the clock says it is due), replaces a stale one, adds a missing one.
   */
  private async ensureJob(deadline: Deadline): Promise<'kept' | 'added'> {
    const jobId = toJobId(deadline.id);
    const dueAt = deadline.dueAt.getTime();
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      // A running job cannot be removed; it finds itself superseded and resyncs when done.
      if (state === 'active') return 'kept';
      const live = state === 'delayed' || state === 'waiting' || state === 'prioritized';
      if (live && existing.data.generation === deadline.generation) {
        if (state === 'delayed' && delayUntil(deadline.dueAt, this.clock.now()) === 0) {
          // It may have left the delayed set meanwhile; then it runs anyway.
          await existing.promote().catch(() => undefined);
        }
        return 'kept';
      }
      if (!(await this.tryRemove(existing))) return 'kept';
    }
    await this.queue.add(
      deadline.command.type,
      { deadlineId: deadline.id, dueAt, generation: deadline.generation },
      { jobId, delay: delayUntil(deadline.dueAt, this.clock.now()) },
    );
    return 'added';
  }

  /** One round trip for the jobs of new deadlines (BullMQ runs the adds in one MULTI). */
  private async addJobs(deadlines: readonly Deadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    await this.queue.addBulk(
      deadlines.map((deadline) => ({
        name: deadline.command.type,
        data: { deadlineId: deadline.id, dueAt: deadline.dueAt.getTime(), generation: deadline.generation },
        opts: { jobId: toJobId(deadline.id), delay: delayUntil(deadline.dueAt, this.clock.now()) },
      })),
    );
  }

  private async removeJob(deadlineId: string): Promise<void> {
    const job = await this.queue.getJob(toJobId(deadlineId));
    if (job) await this.tryRemove(job);
  }

  /** Removes the schedule's job, not one a later schedule of the same deadline put in its place. */
  private async removeJobOf(deadline: Deadline): Promise<void> {
    const job = await this.queue.getJob(toJobId(deadline.id));
    if (job?.data.generation === deadline.generation) await this.tryRemove(job);
  }

  /** False when the job is running (locked); that run re-reads the read model and skips. */
  private async tryRemove(job: Job<DeadlineJobData>): Promise<boolean> {
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * After the clock moved: every deadline listed due gets its job promoted (or added), a few dozen
   * at a time. Taken from the listing without checking each (a job checks its deadline when it
   * runs): checking 10,000 due at once first (three lookups each), 16 s passed before one ran.
   * Those due at one instant go in random order (see dueOrder).
   */
  private async promoteDue(now: Date): Promise<void> {
    const due = dueOrder(await this.repository.listedDue(now));
    for (let from = 0; from < due.length; from += DEADLINES_AT_ONCE) {
      await Promise.all(due.slice(from, from + DEADLINES_AT_ONCE).map((deadline) => this.ensureJob(deadline)));
    }
  }

  private async resync(deadlineId: string): Promise<void> {
    try {
      const deadline = await this.repository.find(deadlineId);
      if (deadline?.status === 'PENDING') await this.ensureJob(deadline);
    } catch (error) {
      // The reconciler will catch up; a resync failure must not become an unhandled rejection.
      this.mayHaveLostJobs = true;
      this.logFailure(`Resync of deadline ${deadlineId}`, error);
    }
  }

  private async reconcileOnce(): Promise<ReconcileResult> {
    // Cleared first: a loss noticed while this runs is reconciled again at the next check.
    this.mayHaveLostJobs = false;
    try {
      const result = await this.recreateMissingJobs();
      await this.queueConnection.set(this.reconciledMarker, new Date().toISOString());
      return result;
    } catch (error) {
      this.mayHaveLostJobs = true;
      throw error;
    }
  }

  private async recreateMissingJobs(): Promise<ReconcileResult> {
    let checked = 0;
    let recreated = 0;
    for await (const deadline of this.repository.pending()) {
      checked += 1;
      const job = await this.queue.getJob(toJobId(deadline.id));
      if (job && job.data.generation === deadline.generation) continue;
      // Read again: the job may have fired and removed itself since the cursor read the deadline.
      const current = await this.repository.find(deadline.id);
      if (current?.status !== 'PENDING') continue;
      if ((await this.ensureJob(current)) === 'added') recreated += 1;
    }
    this.metrics.recreatedSome(recreated);
    if (recreated > 0) this.logger.warn(`Re-created ${recreated} deadline jobs missing from Redis`);
    return { checked, recreated };
  }

  private async closeOnce(): Promise<void> {
    clearInterval(this.timer);
    this.stopFollowingClock?.();
    this.metrics.detach();
    await this.reconciling?.catch(() => undefined);
    await this.connections.close(this.worker, this.queue);
  }

  private logFailure(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`${what} failed: ${message}`, error instanceof Error ? error.stack : undefined);
  }
}
