import type { Actor } from '@admissions/domain-kernel';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import type { CommitDocument } from './event';
import { newEventId } from './event-id';
import { EventStore } from './event-store';
import { LogSequencer } from './log-sequencer';

const actor: Actor = { id: 'tester', roles: ['admin'] };
const context = { correlationId: 'c', actor, occurredAt: new Date('2026-03-15T10:00:00Z') };

/** Unmarking the logged commits fails once, as when the server goes away between the batch's insert and it. */
function clearingFailsOnce(store: EventStore): void {
  jest
    .spyOn(store.commits, 'updateMany')
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

  it('logs a batch whose commits could not be unmarked once only: the next round unmarks them', async () => {
    const sequencer = new LogSequencer(store);
    await store.append('s-1', 0, [{ type: 'Opened', data: {} }], context);
    clearingFailsOnce(store);
    await expect(sequencer.sequence()).rejects.toThrow('closed');

    await store.append('s-1', 1, [{ type: 'Closed', data: {} }], context);
    while ((await sequencer.sequence()) > 0);
    expect(await positionsOf()).toEqual(['Opened', 'Closed']);
    expect(await store.countPending()).toBe(0);
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
    expect(await store.countPending()).toBe(0);
  });

  it('appends with one insert, and logs the commits of one round in the order they were appended, whatever their clock', async () => {
    const inserts = jest.spyOn(store.commits, 'insertOne');
    for (const stream of ['s-c', 's-a', 's-b']) await store.append(stream, 0, [{ type: 'Opened', data: {} }], context);
    await store.append('s-c', 1, [{ type: 'Closed', data: {} }], context);
    expect(inserts).toHaveBeenCalledTimes(4);
    expect(await store.legacyOutbox.countDocuments({})).toBe(0);
    expect(await store.commitProgress('s-c@2')).toBe('appended');

    // Batches of two: the round still logs all four, each stream in version order.
    const sequencer = new LogSequencer(store, { batchSize: 2 });
    expect(await sequencer.sequence()).toBe(4);
    const logged = (await store.readLog({ batch: 0, position: 0 })).events;
    expect(logged.map((e) => `${e.metadata.streamId} ${e.type}`)).toEqual([
      's-c Opened',
      's-a Opened',
      's-b Opened',
      's-c Closed',
    ]);
    expect(await store.commitProgress('s-c@2')).toBe('logged');
    expect(await store.countPending()).toBe(0);
  });

  describe("the earlier version's outbox (an entry inserted before each commit)", () => {
    const oldCommit = (streamId: string, eventId: string): CommitDocument => ({
      _id: `${streamId}@1`,
      streamId,
      version: 1,
      lastVersion: 1,
      committedAt: context.occurredAt,
      correlationId: 'c',
      actor,
      events: [{ eventId, type: 'Opened', schemaVersion: 1, data: {} }],
    });
    const entryOf = (commit: CommitDocument, queuedAt = new Date()) => ({
      _id: commit.events[0].eventId,
      commitId: commit._id,
      queuedAt,
    });

    it('is adopted: what such a version queued is logged once, orphans go once they are old', async () => {
      const queued = oldCommit('s-old', newEventId());
      await store.commits.insertOne(queued);
      const lostRace = { ...entryOf(queued), _id: newEventId() }; // its writer found the version taken
      const dead = { _id: newEventId(), commitId: 's-dead@1', queuedAt: new Date(Date.now() - 120_000) };
      const young = { _id: newEventId(), commitId: 's-young@1', queuedAt: new Date() }; // its commit may still come
      await store.legacyOutbox.insertMany([entryOf(queued), lostRace, dead, young]);

      const sequencer = new LogSequencer(store);
      while ((await sequencer.sequence()) > 0);
      expect(await positionsOf()).toEqual(['Opened']);
      expect((await store.legacyOutbox.find({}).toArray()).map((entry) => entry._id)).toEqual([young._id]);
      expect(await store.commitProgress('s-old@1')).toBe('logged');
    });

    it('is not logged again when such a version logged it and stopped before deleting the entry', async () => {
      const logged = oldCommit('s-done', newEventId());
      await store.commits.insertOne(logged);
      await store.log.insertOne({ _id: 1, firstPosition: 1, lastPosition: 1, commits: [logged] });
      await store.legacyOutbox.insertOne(entryOf(logged));

      const sequencer = new LogSequencer(store);
      while ((await sequencer.sequence()) > 0);
      expect(await positionsOf()).toEqual(['Opened']);
      expect(await store.legacyOutbox.countDocuments({})).toBe(0);
    });
  });
});
