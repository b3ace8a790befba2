import { randomUUID } from 'node:crypto';

import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, DeploymentNames, METRICS_REGISTRY, MONGO_DB, REDIS, StartupSteps } from '@admissions/platform';
import { testEnv } from '@admissions/testing';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { Registry } from 'prom-client';

import { DeadlineScheduler } from './deadline-scheduler';
import { DeadlinesModule } from './deadlines.module';

const REDIS_DB = Number(process.env.DEADLINES_TEST_REDIS_DB ?? 9);

describe('DeadlinesModule', () => {
  it('provides a scheduler from the platform tokens that Nest starts and closes', async () => {
    const env = testEnv();
    const run = randomUUID().slice(0, 8);
    const mongo: Connection = await mongoose
      .createConnection(env.mongoUrl, { dbName: `deadlines_mod_${run}` })
      .asPromise();
    const redis = new IORedis(env.redisUrl, { db: REDIS_DB, maxRetriesPerRequest: null });
    const clock = new ManualClock(new Date('2026-06-01T08:00:00.000Z'));
    const registry = new Registry();

    // Stands in for the platform module, which provides these clients globally in a service.
    @Global()
    @Module({
      providers: [
        { provide: MONGO_DB, useValue: mongo.db },
        StartupSteps,
        { provide: REDIS, useValue: redis },
        { provide: CLOCK, useValue: clock },
        { provide: METRICS_REGISTRY, useValue: registry },
        { provide: DeploymentNames, useValue: new DeploymentNames('') },
      ],
      exports: [MONGO_DB, REDIS, CLOCK, METRICS_REGISTRY, StartupSteps, DeploymentNames],
    })
    class FakePlatformModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [FakePlatformModule, DeadlinesModule.forService({ queueName: `deadlines-mod-${run}` })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const scheduler = app.get(DeadlineScheduler);
    const fired: string[] = [];
    scheduler.onDue('ExpireOffer', async (_command, deadline) => {
      fired.push(deadline.id);
    });

    try {
      await app.init();
      await app.get(StartupSteps).settled();
      await scheduler.schedule('offer:9:expiry', new Date('2026-06-01T09:00:00.000Z'), {
        type: 'ExpireOffer',
        data: {},
      });
      await clock.advance(60 * 60_000);
      await scheduler.waitForIdle();
      expect(fired).toEqual(['offer:9:expiry']);
      expect(await registry.getSingleMetricAsString('deadlines_fired_total')).toContain('type="ExpireOffer"} 1');
    } finally {
      await app.close();
      // Leave nothing behind in the shared Redis database.
      const queue = new Queue(`deadlines-mod-${run}`, { connection: redis });
      await queue.obliterate({ force: true });
      await queue.close();
      await mongo.dropDatabase();
      await mongo.close();
      await redis.quit();
    }
  });
});
