import type { Actor } from '@admissions/domain-kernel';
import {
  BULK_WRITE_CHUNK,
  EventStore,
  Lease,
  LogSequencer,
  LogWorkers,
  type StoredEvent,
} from '@admissions/event-store';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import type { Projection, ReadModel } from './projection';
import { ProjectionRunner } from './projection-runner';

interface ProgrammePipeline extends ReadModel {
  submitted: number;
  withdrawn: number;
  order: string[];
}

/** Counts per programme and the submission order: a document fed by many streams. */
const pipeline: Projection<ProgrammePipeline> = {
  name: 'rm_pipeline_test',
  handles: ['Submitted', 'Withdrawn'],
  documentsOf: (event: StoredEvent) => [(event.data as { programme: string }).programme],
  evolve: (document, event, id) => {
    const current = document ?? { _id: id, submitted: 0, withdrawn: 0, order: [] };
    return event.type === 'Submitted'
      ? { ...current, submitted: current.submitted + 1, order: [...current.order, event.metadata.streamId] }
      : {
          ...current,
          withdrawn: current.withdrawn + 1,
          order: current.order.filter((s) => s !== event.metadata.streamId),
        };
  },
};

const actor: Actor = { id: 'tester', roles: [] };
const silent = { warn: () => undefined };

describe('projection runner', () => {
  const env = testEnv();
  let connection: mongoose.Connection;
  let workers: LogWorkers;
  let runner: ProjectionRunner;
  let store: EventStore;

  beforeAll(async () => {
    connection = await mongoose.createConnection(env.mongoUrl, { dbName: uniqueName('proj') }).asPromise();
    const db = connection.db;
    if (!db) throw new Error('no database');
    store = new EventStore(db);
    const lease = new Lease(db, 'event-log', 'a');
    runner = new ProjectionRunner(store, db, [pipeline], lease);
    workers = new LogWorkers(store, new LogSequencer(store), [runner], lease, silent);
    workers.start();
  });

  afterAll(async () => {
    await workers.stop();
    await connection.dropDatabase();
    await connection.close();
  });

  it('folds live events, and a model rebuilt from scratch equals the live one', async () => {
    for (let i = 0; i < 60; i += 1) {
      const streamId = `candidacy-${i}`;
      const programme = i % 3 === 0 ? 'MS-DATA' : 'MS-FIN';
      const context = { correlationId: `c${i}`, actor, occurredAt: new Date() };
      await store.append(streamId, 0, [{ type: 'Submitted', data: { programme } }], context);
      if (i % 10 === 0) await store.append(streamId, 1, [{ type: 'Withdrawn', data: { programme } }], context);
    }
    const live = await eventually(async () => {
      const doc = await runner.collection(pipeline).findOne({ _id: 'MS-FIN' });
      const data = await runner.collection(pipeline).findOne({ _id: 'MS-DATA' });
      return doc && data && doc.submitted + data.submitted === 60 && doc.withdrawn + data.withdrawn === 6
        ? { doc, data }
        : undefined;
    });
    expect(live.data.order[0]).toBe('candidacy-3'); // candidacy-0 was withdrawn
    expect(live.data.submitted).toBe(20);
    expect(live.data.order).toHaveLength(18);

    await workers.stop();
    const liveDigest = await runner.digest(pipeline);
    await runner.rebuild(pipeline);
    expect(await runner.digest(pipeline)).toBe(liveDigest);
    expect(await runner.collection(pipeline).countDocuments({})).toBe(2);
  });
});

describe('projection runner on FerretDB', () => {
  /** One document per candidacy: a batch of the log touches as many documents as it has events. */
  const perCandidacy: Projection<ReadModel & { submitted: number }> = {
    name: 'rm_per_candidacy_test',
    handles: ['Submitted'],
    documentsOf: (event: StoredEvent) => [event.metadata.streamId],
    evolve: (document, _event, id) => ({ _id: id, submitted: (document?.submitted ?? 0) + 1 }),
  };

  it('writes a batch in update commands FerretDB can hold (at most BULK_WRITE_CHUNK updates each)', async () => {
    const connection = await mongoose
      .createConnection(testEnv().mongoUrl, { dbName: uniqueName('proj_chunks'), monitorCommands: true })
      .asPromise();
    const db = connection.db;
    if (!db) throw new Error('no database');
    try {
      const store = new EventStore(db);
      for (let i = 0; i < 120; i += 1) {
        const context = { correlationId: `c${i}`, actor, occurredAt: new Date() };
        await store.append(`candidacy-${i}`, 0, [{ type: 'Submitted', data: {} }], context);
      }
      const sequencer = new LogSequencer(store);
      while ((await sequencer.sequence()) > 0);
      const runner = new ProjectionRunner(store, db, [perCandidacy], new Lease(db, 'event-log', 'a'));
      const updates: number[] = [];
      connection.getClient().on('commandStarted', (event) => {
        if (event.commandName === 'update' && event.command.update === perCandidacy.name)
          updates.push((event.command.updates as unknown[]).length);
      });

      await runner.rebuild(perCandidacy);

      expect(await runner.collection(perCandidacy).countDocuments({})).toBe(120);
      expect(updates.reduce((sum, n) => sum + n, 0)).toBe(120);
      expect(Math.max(...updates)).toBeLessThanOrEqual(BULK_WRITE_CHUNK);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
