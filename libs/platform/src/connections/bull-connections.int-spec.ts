import { testEnv, uniqueName } from '@admissions/testing';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { BullConnections } from './bull-connections';

describe('BullConnections (real Redis)', () => {
  const env = testEnv();
  const admin = new IORedis(env.redisUrl);

  afterAll(() => admin.quit());

  const clientNames = async () =>
    String(await admin.client('LIST'))
      .split('\n')
      .map((line) => /\bname=(\S*)/.exec(line)?.[1] ?? '');

  it.each([
    ['a URL', (url: string) => url],
    ['a client to copy', (url: string) => new IORedis(url, { lazyConnect: true })],
  ])('from %s: names its connections, lets the running job finish, then closes them all', async (_, redis) => {
    const name = uniqueName('bull-connections');
    const connections = new BullConnections(redis(env.redisUrl), name);
    const queue = new Queue(name, { connection: connections.open('queue') });
    const finished: string[] = [];
    let worker: Worker | undefined;
    const started = new Promise<void>((resolve) => {
      worker = new Worker(
        name,
        async (job) => {
          resolve();
          await sleep(300);
          finished.push(job.id as string);
        },
        { connection: connections.open('worker') },
      );
    });
    await queue.add('slow', {}, { jobId: 'the-job' });
    await started;
    expect(await clientNames()).toEqual(expect.arrayContaining([`${name}-queue`, `${name}-worker`]));

    await connections.close(worker, queue);

    expect(finished).toEqual(['the-job']);
    expect((await clientNames()).filter((n) => n.startsWith(name))).toEqual([]);
    const leftover = new Queue(name, { connection: { url: env.redisUrl } });
    await leftover.obliterate({ force: true });
    await leftover.close();
  });
});
