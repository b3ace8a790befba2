import { ConcurrencyError, type Actor } from '@admissions/domain-kernel';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { LOG_START } from './event';
import { EventStore } from './event-store';
import { LogSequencer } from './log-sequencer';
import { Upcasters } from './upcasters';

const actor: Actor = { id: 'tester', roles: ['admin'] };
const context = (correlationId: string) => ({ correlationId, actor, occurredAt: new Date('2026-03-15T10:00:00Z') });

describe('EventStore on the MongoDB-wire server', () => {
  let connection: mongoose.Connection;
  let store: EventStore;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('es') }).asPromise();
    store = new EventStore(connection.db!, {
      upcasters: new Upcasters([{ type: 'Renamed', fromVersion: 1, upcast: (d) => ({ ...(d as object), v2: true }) }]),
      schemaVersionOf: (type) => (type === 'Renamed' ? 2 : 1),
    });
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('commits the events of one command together and reads them back in version order', async () => {
    await store.append(
      's-1',
      0,
      [
        { type: 'A', data: { n: 1 } },
        { type: 'B', data: { n: 2 } },
      ],
      context('c1'),
    );
    await store.append('s-1', 2, [{ type: 'C', data: { n: 3 } }], context('c2'));
    const stream = await store.readStream('s-1');
    expect(stream.version).toBe(3);
    expect(stream.events.map((e) => [e.type, e.metadata.version, e.metadata.correlationId])).toEqual([
      ['A', 1, 'c1'],
      ['B', 2, 'c1'],
      ['C', 3, 'c2'],
    ]);
    const ids = stream.events.map((e) => e.metadata.eventId);
    expect([...ids].sort()).toEqual(ids);
  });

  it('lets exactly one of 50 concurrent appends at the same expected version win; the stream has no gap', async () => {
    await store.append('s-race', 0, [{ type: 'Opened', data: {} }], context('open'));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.append('s-race', 1, [{ type: 'Raced', data: { i } }], context(`r${i}`)),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(lost.every((r) => r.reason instanceof ConcurrencyError)).toBe(true);
    const stream = await store.readStream('s-race');
    expect(stream.events.map((e) => e.metadata.version)).toEqual([1, 2]);
  });

  it('upcasts an event stored with an old schema version when it is read', async () => {
    await store.commits.insertOne({
      _id: 's-old@1',
      streamId: 's-old',
      version: 1,
      lastVersion: 1,
      committedAt: new Date(),
      correlationId: 'old',
      actor,
      events: [{ eventId: '01OLD', type: 'Renamed', schemaVersion: 1, data: { name: 'x' } }],
    });
    const [event] = (await store.readStream('s-old')).events;
    expect(event.data).toEqual({ name: 'x', v2: true });
    expect(event.metadata.schemaVersion).toBe(2);
  });

  it('reads the log ahead as it reads it one batch at a time, stopping where asked and at its end', async () => {
    const sequencer = new LogSequencer(store);
    for (let i = 0; i < 5; i += 1) {
      await store.append(`s-log-${i}`, 0, [{ type: 'Opened', data: { i } }], context(`log-${i}`));
      while ((await sequencer.sequence()) > 0);
    }
    const typesAndPositions = (read: { events: { type: string; metadata: { position?: number } }[] }) =>
      read.events.map((e) => `${e.type}@${e.metadata.position}`);
    const oneByOne = await new EventStore(connection.db!).readLog(LOG_START, Number.MAX_SAFE_INTEGER);

    // A store of its own: nothing of the log remembered yet.
    const ahead = new EventStore(connection.db!);
    const first = await ahead.readLog(LOG_START, 1, { readAhead: 16 });
    const rest = await ahead.readLog(first.reached, Number.MAX_SAFE_INTEGER, { readAhead: 16 });

    expect(first.reached).toEqual({ batch: 1, position: first.events.length });
    expect([...typesAndPositions(first), ...typesAndPositions(rest)]).toEqual(typesAndPositions(oneByOne));
    expect(rest.reached).toEqual(oneByOne.reached);
    expect((await ahead.readLog(rest.reached, 1, { readAhead: 16 })).events).toEqual([]);
  });
});
