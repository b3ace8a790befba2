import type { Actor } from '@admissions/domain-kernel';
import { EventStore, Lease, LogSequencer, LogWorkers } from '@admissions/event-store';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import Redis from 'ioredis';
import mongoose from 'mongoose';
import { AppendSignal } from './append-signal';

const actor: Actor = { id: 'tester', roles: [] };
const silent = { warn: () => undefined };

// Two replicas of one service on the same database and Redis: the lease holder sequences, the
// other only appends. The holder's fallback look at the outbox keeps its defaults (1 s after
// work, doubling while it finds nothing): once it has backed off, only the signal brings an
// append of the other replica into the log within a second.
describe('AppendSignal: an append of another replica wakes the lease holder', () => {
  const env = testEnv();
  let connection: mongoose.Connection;
  const clients: Redis[] = [];
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    connection = await mongoose.createConnection(env.mongoUrl, { dbName: uniqueName('signal') }).asPromise();
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await Promise.all(clients.map((client) => client.quit()));
    await connection.dropDatabase();
    await connection.close();
  });

  function replica(owner: string, channel: string): { store: EventStore; lease: Lease } {
    const db = connection.db!;
    const store = new EventStore(db);
    const lease = new Lease(db, 'event-log', owner);
    const workers = new LogWorkers(store, new LogSequencer(store), [], lease, silent);
    const redis = new Redis(env.redisUrl);
    clients.push(redis);
    const signal = new AppendSignal(redis, channel, store, lease, workers, silent);
    workers.start();
    signal.start();
    stops.push(async () => {
      signal.stop();
      await workers.stop();
    });
    return { store, lease };
  }

  it('logs the append within a second, where the backed-off fallback would take seconds more', async () => {
    const channel = uniqueName('appended');
    const holder = replica('holder', channel);
    await eventually(async () => holder.lease.held || undefined, 10_000);
    const other = replica('other', channel);
    // Empty looks 1, 2 and 4 s apart: the next one is 8 s after the last.
    await new Promise((resolve) => setTimeout(resolve, 7_500));

    const appendedAt = Date.now();
    await other.store.append('s-1', 0, [{ type: 'Opened', data: {} }], {
      correlationId: 'c-1',
      actor,
      occurredAt: new Date('2027-01-04T09:00:00Z'),
    });
    await eventually(async () => ((await holder.store.logHead()).position === 1 ? true : undefined), 15_000);
    expect(Date.now() - appendedAt).toBeLessThan(1_500);
  });
});
