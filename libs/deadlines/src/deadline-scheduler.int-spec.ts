import { randomUUID } from 'node:crypto';

import { ManualClock } from '@admissions/domain-kernel';
import { testEnv } from '@admissions/testing';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { Registry } from 'prom-client';

import { DeadlineScheduler } from './deadline-scheduler';
import type { Deadline, DeadlineCommand, DeadlineLogger } from './deadline.types';
import { toJobId } from './job-id';

// Redis is shared with other engineers' runs: these tests use their own database number and
// FLUSHDB it (not FLUSHALL) to simulate a Redis wipe without touching anyone else's queues.
const REDIS_DB = Number(process.env.DEADLINES_TEST_REDIS_DB ?? 9);
const RUN = randomUUID().slice(0, 8);
const MINUTE = 60_000;
const START = new Date('2026-06-01T08:00:00.000Z');

interface Fired {
  readonly command: DeadlineCommand;
  readonly deadline: Deadline;
}

/** A handler that records each call and lets a test await the next one instead of sleeping. */
function recorder(behaviour: (call: number) => Promise<void> = async () => undefined) {
  const calls: Fired[] = [];
  let notify: (() => void) | undefined;
  return {
    calls,
    handler: async (command: DeadlineCommand, deadline: Deadline) => {
      calls.push({ command, deadline });
      notify?.();
      await behaviour(calls.length);
    },
    nextCall: () => new Promise<void>((resolve) => (notify = resolve)),
  };
}

function recordingLogger(): DeadlineLogger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    log: () => undefined,
    warn: () => undefined,
    error: (message) => errors.push(message),
  };
}

async function metricValue(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return Number.NaN;
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value));
  return match?.value ?? 0;
}

/** The negative check of "not before": bounded, and far shorter than any real delay here. */
const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DeadlineScheduler (BullMQ + Mongo)', () => {
  const env = testEnv();
  const redisUrl = (() => {
    const url = new URL(env.redisUrl);
    url.pathname = `/${REDIS_DB}`;
    return url.toString();
  })();

  let testNo = 0;
  let mongo: Connection;
  let redis: IORedis;
  let inspector: Queue;
  let clock: ManualClock;
  let registry: Registry;
  let logger: ReturnType<typeof recordingLogger>;
  let scheduler: DeadlineScheduler;

  beforeEach(async () => {
    testNo += 1;
    const queueName = `deadlines-it-${RUN}-${testNo}`;
    mongo = await mongoose
      .createConnection(env.mongoUrl, {
        dbName: `deadlines_it_${RUN}_${testNo}`,
      })
      .asPromise();
    redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    inspector = new Queue(queueName, { connection: redis });
    clock = new ManualClock(START);
    registry = new Registry();
    logger = recordingLogger();
    scheduler = new DeadlineScheduler({
      queueName,
      redis: redisUrl,
      mongo,
      clock,
      metrics: registry,
      logger,
      reconcileEveryMs: 0,
      attempts: 3,
      backoffMs: 10,
    });
  });

  afterEach(async () => {
    await scheduler.close();
    await inspector.obliterate({ force: true }).catch(() => undefined);
    await inspector.close();
    await redis.quit();
    await mongo.dropDatabase();
    await mongo.close();
  });

  const status = async (id: string) => (await scheduler.find(id))?.status;

  it('fires a deadline when the clock is moved to its dueAt, and not before', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const dueAt = new Date(START.getTime() + 60 * MINUTE);

    await scheduler.schedule('offer:1:expiry', dueAt, {
      type: 'ExpireOffer',
      data: { offerId: '1' },
    });
    await clock.set(new Date(dueAt.getTime() - 1));
    await scheduler.waitForIdle();
    await settle();
    expect(expire.calls).toHaveLength(0);
    expect(await metricValue(registry, 'deadlines_pending')).toBe(1);

    const fired = expire.nextCall();
    await clock.set(dueAt);
    await fired;
    await scheduler.waitForIdle();

    expect(expire.calls).toHaveLength(1);
    expect(expire.calls[0].command).toEqual({
      type: 'ExpireOffer',
      data: { offerId: '1' },
    });
    expect(expire.calls[0].deadline).toMatchObject({
      id: 'offer:1:expiry',
      dueAt,
      status: 'PENDING',
    });
    expect(await scheduler.find('offer:1:expiry')).toMatchObject({
      status: 'FIRED',
      firedAt: dueAt,
    });
    expect(
      await metricValue(registry, 'deadlines_fired_total', {
        type: 'ExpireOffer',
      }),
    ).toBe(1);
    expect(await metricValue(registry, 'deadlines_pending')).toBe(0);
  });

  it('replaces a deadline scheduled again under the same id: one job, one firing at the later dueAt', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const first = new Date(START.getTime() + 10 * MINUTE);
    const later = new Date(START.getTime() + 20 * MINUTE);

    await scheduler.schedule('offer:2:expiry', first, {
      type: 'ExpireOffer',
      data: { version: 1 },
    });
    await scheduler.schedule('offer:2:expiry', later, {
      type: 'ExpireOffer',
      data: { version: 2 },
    });

    const counts = await inspector.getJobCounts();
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(1);
    expect((await inspector.getJob(toJobId('offer:2:expiry')))?.data).toEqual({
      deadlineId: 'offer:2:expiry',
      dueAt: later.getTime(),
      generation: (await scheduler.find('offer:2:expiry'))?.generation,
    });

    await clock.set(new Date(START.getTime() + 15 * MINUTE));
    await scheduler.waitForIdle();
    await settle();
    expect(expire.calls).toHaveLength(0);

    const fired = expire.nextCall();
    await clock.set(later);
    await fired;
    await scheduler.waitForIdle();
    await clock.advance(60 * MINUTE);
    await scheduler.waitForIdle();

    expect(expire.calls.map((call) => call.command.data)).toEqual([{ version: 2 }]);
    expect(expire.calls[0].deadline.dueAt).toEqual(later);
  });

  it('never fires a cancelled deadline', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();

    await scheduler.schedule('offer:3:expiry', new Date(START.getTime() + MINUTE), { type: 'ExpireOffer', data: {} });
    expect(await scheduler.cancel('offer:3:expiry')).toBe(true);
    expect(await inspector.getJob(toJobId('offer:3:expiry'))).toBeUndefined();

    await clock.advance(10 * MINUTE);
    await scheduler.waitForIdle();
    await settle();

    expect(expire.calls).toHaveLength(0);
    expect(await status('offer:3:expiry')).toBe('CANCELLED');
    expect(await scheduler.cancel('offer:3:expiry')).toBe(false);
  });

  it('cancels many deadlines at once: their jobs go, none fires, and one already settled keeps its outcome', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const ids = ['offer:a:expiry', 'offer:b:expiry', 'offer:c:expiry'];
    const dueAt = new Date(START.getTime() + MINUTE);
    await scheduler.scheduleManyOnce(
      ids.map((deadlineId) => ({ deadlineId, dueAt, command: { type: 'ExpireOffer', data: {} } })),
    );
    expect(await scheduler.cancel('offer:c:expiry')).toBe(true);
    const settledAt = (await scheduler.find('offer:c:expiry'))?.cancelledAt;
    await clock.advance(1000);

    expect(await scheduler.cancelMany([...ids, 'offer:unknown:expiry'])).toBe(2);
    for (const id of ids) expect(await inspector.getJob(toJobId(id))).toBeUndefined();
    expect((await scheduler.find('offer:c:expiry'))?.cancelledAt).toEqual(settledAt);

    await clock.advance(10 * MINUTE);
    await scheduler.waitForIdle();
    await settle();
    expect(expire.calls).toHaveLength(0);
    expect(await Promise.all(ids.map(status))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await metricValue(registry, 'deadlines_pending')).toBe(0);
    expect(await scheduler.cancelMany(ids)).toBe(0);
  });

  it('re-creates jobs lost in a Redis wipe, and the deadline still fires exactly once', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const dueAt = new Date(START.getTime() + 30 * MINUTE);
    await scheduler.schedule('offer:4:expiry', dueAt, {
      type: 'ExpireOffer',
      data: {},
    });

    await redis.flushdb();
    expect(await inspector.getJob(toJobId('offer:4:expiry'))).toBeUndefined();

    expect(await scheduler.reconcile()).toEqual({ checked: 1, recreated: 1 });
    expect(await scheduler.reconcile()).toEqual({ checked: 1, recreated: 0 });
    expect(await metricValue(registry, 'deadlines_recreated_total')).toBe(1);

    const fired = expire.nextCall();
    await clock.set(dueAt);
    await fired;
    await scheduler.waitForIdle();
    expect(await scheduler.reconcile()).toEqual({ checked: 0, recreated: 0 });
    await clock.advance(60 * MINUTE);
    await scheduler.waitForIdle();

    expect(expire.calls).toHaveLength(1);
    expect(await status('offer:4:expiry')).toBe('FIRED');
  });

  it('reads the pending deadlines again only when Redis may have lost jobs: after a wipe, not before', async () => {
    scheduler.onDue('ExpireOffer', recorder().handler);
    await scheduler.start();
    await scheduler.schedule('offer:5:expiry', new Date(START.getTime() + 30 * MINUTE), {
      type: 'ExpireOffer',
      data: {},
    });
    expect(await scheduler.reconcileIfJobsLost()).toBeUndefined();

    await redis.flushdb();
    expect(await scheduler.reconcileIfJobsLost()).toEqual({ checked: 1, recreated: 1 });
    expect(await scheduler.reconcileIfJobsLost()).toBeUndefined();
  });

  it('schedules a batch with one job per deadline however often, even concurrently, it is asked; each fires once', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const dueAt = new Date(START.getTime() + 30 * MINUTE);
    const batch = Array.from({ length: 40 }, (_, i) => ({
      deadlineId: `offer:batch-${i}:expiry`,
      dueAt,
      command: { type: 'ExpireOffer', data: { offer: i } },
    }));

    await Promise.all([scheduler.scheduleManyOnce(batch), scheduler.scheduleManyOnce(batch)]);
    await scheduler.scheduleManyOnce(batch);
    expect(await inspector.getDelayedCount()).toBe(40);
    expect(await scheduler.reconcileIfJobsLost()).toBeUndefined();

    await redis.flushdb();
    expect(await scheduler.reconcileIfJobsLost()).toEqual({ checked: 40, recreated: 40 });
    expect(await inspector.getDelayedCount()).toBe(40);

    await clock.set(dueAt);
    await scheduler.waitForIdle();
    await settle();
    const fired = expire.calls.map((call) => (call.command.data as { offer: number }).offer);
    expect(fired.sort((a, b) => a - b)).toEqual(batch.map((_, i) => i));
    expect(await Promise.all(batch.map((b) => status(b.deadlineId)))).toEqual(batch.map(() => 'FIRED'));
  });

  it('in a batch, keeps a deadline already due at that time, moves one due at another and adds a new one', async () => {
    const expire = recorder();
    scheduler.onDue('ExpireOffer', expire.handler);
    await scheduler.start();
    const first = new Date(START.getTime() + 10 * MINUTE);
    const later = new Date(START.getTime() + 20 * MINUTE);
    const request = (id: string, dueAt: Date) => ({
      deadlineId: id,
      dueAt,
      command: { type: 'ExpireOffer', data: { id } },
    });
    await scheduler.scheduleManyOnce([request('kept', first), request('moved', first)]);
    const kept = await scheduler.find('kept');

    await scheduler.scheduleManyOnce([request('kept', first), request('moved', later), request('new', later)]);
    expect((await scheduler.find('kept'))?.generation).toBe(kept?.generation);
    expect(await inspector.getDelayedCount()).toBe(3);

    await clock.set(first);
    await scheduler.waitForIdle();
    await settle();
    expect(expire.calls.map((call) => call.deadline.id)).toEqual(['kept']);
    await clock.set(later);
    await scheduler.waitForIdle();
    await settle();
    expect(expire.calls.map((call) => call.deadline.id).sort()).toEqual(['kept', 'moved', 'new']);
  });

  it('retries a failing handler and marks the deadline FAILED after the last attempt', async () => {
    const broken = recorder(async () => {
      throw new Error('jury service unavailable');
    });
    scheduler.onDue('CloseSession', broken.handler);
    await scheduler.start();

    await scheduler.schedule('session:5:close', START, {
      type: 'CloseSession',
      data: {},
    });
    await scheduler.waitForIdle();

    expect(broken.calls).toHaveLength(3);
    expect(await scheduler.find('session:5:close')).toMatchObject({
      status: 'FAILED',
      lastError: 'jury service unavailable',
    });
    expect(
      await metricValue(registry, 'deadlines_failed_total', {
        type: 'CloseSession',
      }),
    ).toBe(1);
    expect(logger.errors).toEqual([expect.stringContaining('session:5:close (CloseSession) failed after 3 attempts')]);
  });

  it('fires a deadline whose handler succeeds on a retry', async () => {
    const flaky = recorder(async (call) => {
      if (call === 1) throw new Error('transient');
    });
    scheduler.onDue('CloseSession', flaky.handler);
    await scheduler.start();

    await scheduler.schedule('session:6:close', START, {
      type: 'CloseSession',
      data: {},
    });
    await scheduler.waitForIdle();

    expect(flaky.calls).toHaveLength(2);
    expect(await status('session:6:close')).toBe('FIRED');
    expect(
      await metricValue(registry, 'deadlines_failed_total', {
        type: 'CloseSession',
      }),
    ).toBe(0);
  });
});
