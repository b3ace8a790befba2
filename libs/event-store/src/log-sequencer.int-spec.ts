import type { Actor } from '@admissions/domain-kernel';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { EventStore } from './event-store';
import { LogSequencer } from './log-sequencer';

const actor: Actor = { id: 'tester', roles: ['admin'] };
const context = { correlationId: 'c', actor, occurredAt: new Date('2026-03-15T10:00:00Z') };

/** The outbox's clearing fails once, as when the server goes away between the batch's insert and it. */
function clearingFailsOnce(store: EventStore): void {
  jest
    .spyOn(store.outbox, 'deleteMany')
    .mockRejectedValueOnce(new mongoose.mongo.MongoNetworkError('connection 8 to 127.0.0.1:27017 closed'));
}

describe('LogSequencer on the MongoDB-wire server', () => {
  let connection: mongoose.Connection;
  let store: EventStore;

  beforeEach(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('seq') }).asPromise();
    store = new EventStore(connection.db!);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await connection.dropDatabase();
    await connection.close();
  });

  const positionsOf = async () => (await store.readLog({ batch: 0, position: 0 })).events.map((e) => e.type);

  it('logs a batch whose outbox entries could not be cleared once only: the next round clears them', async () => {
    const sequencer = new LogSequencer(store);
    await store.append('s-1', 0, [{ type: 'Opened', data: {} }], context);
    clearingFailsOnce(store);
    await expect(sequencer.sequence()).rejects.toThrow('closed');

    await store.append('s-1', 1, [{ type: 'Closed', data: {} }], context);
    while ((await sequencer.sequence()) > 0);
    expect(await positionsOf()).toEqual(['Opened', 'Closed']);
    expect(await store.outbox.countDocuments({})).toBe(0);
  });

  it("spares its process's readers the look past the batch it logged, and lets them look again once the lease changes hands", async () => {
    const sequencer = new LogSequencer(store);
    await store.append('s-3', 0, [{ type: 'Opened', data: {} }], context);
    while ((await sequencer.sequence()) > 0);
    const lookups = jest.spyOn(store.log, 'findOne');
    const first = await store.readLog({ batch: 0, position: 0 });
    expect(first.events.map((e) => e.type)).toEqual(['Opened']);
    expect(await store.readLog(first.reached)).toEqual({ events: [], reached: first.reached });
    expect(lookups).not.toHaveBeenCalled();

    // Another instance logs while this one is not the holder (a handover): until told, the readers
    // here take the head they know; once this instance holds the lease again, they look and find it.
    const other = new EventStore(connection.db!);
    await other.append('s-3', 1, [{ type: 'Closed', data: {} }], context);
    while ((await new LogSequencer(other).sequence()) > 0);
    expect((await store.readLog(first.reached)).events).toEqual([]);
    sequencer.leadershipGained();
    expect((await store.readLog(first.reached)).events.map((e) => e.type)).toEqual(['Closed']);
  });

  it('tells its readers of a batch once it is logged, without waiting for its outbox entries to be cleared', async () => {
    const sequencer = new LogSequencer(store);
    const told: number[] = [];
    sequencer.onLogged((batch) => told.push(batch._id));
    await store.append('s-4', 0, [{ type: 'Opened', data: {} }], context);
    let clear!: () => void;
    const cleared = new Promise<void>((resolve) => (clear = resolve));
    const deleteMany = store.outbox.deleteMany.bind(store.outbox);
    jest.spyOn(store.outbox, 'deleteMany').mockImplementationOnce(async (filter) => {
      await cleared;
      return deleteMany(filter);
    });

    const round = sequencer.sequence();
    await eventually(async () => told.length > 0 || undefined, 5_000, 10);
    expect(told).toEqual([1]);
    expect(await store.outbox.countDocuments({})).toBe(1);
    clear();
    expect(await round).toBe(1);
    expect(await store.outbox.countDocuments({})).toBe(0);
  });

  it('finds the batch another sequencer logged under it, and its readers with it, then logs after it', async () => {
    const sequencer = new LogSequencer(store);
    await store.append('s-4', 0, [{ type: 'Opened', data: {} }], context);
    while ((await sequencer.sequence()) > 0);
    const other = new EventStore(connection.db!);
    await other.append('s-5', 0, [{ type: 'Opened', data: {} }], context);
    while ((await new LogSequencer(other).sequence()) > 0);

    // Its next batch number is taken: the insert fails, and the head is looked for again.
    await store.append('s-4', 1, [{ type: 'Closed', data: {} }], context);
    while ((await sequencer.sequence()) > 0);
    expect(
      (await store.readLog({ batch: 0, position: 0 })).events.map((e) => `${e.metadata.streamId} ${e.type}`),
    ).toEqual(['s-4 Opened', 's-5 Opened', 's-4 Closed']);
  });

  it('another instance taking over after that failure does not log the batch again either', async () => {
    await store.append('s-2', 0, [{ type: 'Opened', data: {} }], context);
    clearingFailsOnce(store);
    await expect(new LogSequencer(store).sequence()).rejects.toThrow('closed');

    const successor = new LogSequencer(new EventStore(connection.db!));
    while ((await successor.sequence()) > 0);
    expect(await positionsOf()).toEqual(['Opened']);
    expect(await store.outbox.countDocuments({})).toBe(0);
  });
});
