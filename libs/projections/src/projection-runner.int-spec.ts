import type { Actor } from '@admissions/domain-kernel';
import {
  BULK_WRITE_CHUNK,
  EventStore,
  Lease,
  LogSequencer,
  LogWorkers,
  SOLE_INSTANCE,
  type StoredEvent,
} from '@admissions/event-store';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import mongoose, { type mongo } from 'mongoose';
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

  /** The same read model under another name: several of them fold side by side. */
  const named = (name: string) => ({ ...perCandidacy, name: `${perCandidacy.name}_${name}` });

  /** A database of its own, with every command the client sends to `collection` counted by name. */
  const counted = async (name: string, collection: string) => {
    const connection = await mongoose
      .createConnection(testEnv().mongoUrl, { dbName: uniqueName(name), monitorCommands: true })
      .asPromise();
    const db = connection.db;
    if (!db) throw new Error('no database');
    const commands: { name: string; writes: number }[] = [];
    connection.getClient().on('commandStarted', (event) => {
      if (event.command[event.commandName] !== collection) return;
      const writes = (event.command.updates ?? event.command.documents ?? []) as unknown[];
      commands.push({ name: event.commandName, writes: writes.length });
    });
    const writesOf = (name: string) => commands.filter((c) => c.name === name).map((c) => c.writes);
    const close = async () => {
      await connection.dropDatabase();
      await connection.close();
    };
    return { db, commands, writesOf, close };
  };
  const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

  /**
   * 120 candidacies, then 60 of them again (logged apart, so a rebuild's second round folds into
   * the first's documents), folded live: the digest a rebuild must reach.
   */
  const loggedTwice = async (db: mongo.Db) => {
    const store = new EventStore(db);
    await submitted(store, 0, 120);
    await submitted(store, 120, 180);
    const live = new ProjectionRunner(store, db, [perCandidacy]);
    await live.drain();
    return { store, liveDigest: await live.digest(perCandidacy) };
  };
  const submitted = async (store: EventStore, from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const context = { correlationId: `c${i}`, actor, occurredAt: new Date() };
      const streamId = `candidacy-${i % 120}`;
      await store.append(streamId, Math.floor(i / 120), [{ type: 'Submitted', data: {} }], context);
    }
    const sequencer = new LogSequencer(store);
    while ((await sequencer.sequence()) > 0);
  };

  it('inserts the documents it found absent, and replaces the others in update commands FerretDB can hold (at most BULK_WRITE_CHUNK updates each)', async () => {
    const { db, writesOf, close } = await counted('proj_chunks', perCandidacy.name);
    try {
      const store = new EventStore(db);
      await submitted(store, 0, 120);
      const runner = new ProjectionRunner(store, db, [perCandidacy]);

      await runner.drain();
      expect(sum(writesOf('insert'))).toBe(120);
      expect(writesOf('update')).toEqual([]);

      // A runner of its own, which keeps none of them: it reads each back and replaces it.
      await submitted(store, 120, 240);
      await new ProjectionRunner(store, db, [perCandidacy]).drain();

      expect(await runner.collection(perCandidacy).countDocuments({})).toBe(120);
      expect(sum(writesOf('update'))).toBe(120);
      expect(Math.max(...writesOf('update'))).toBeLessThanOrEqual(BULK_WRITE_CHUNK);
    } finally {
      await close();
    }
  });

  it('inserts the documents its starting events begin without looking them up, and comes to the same documents folding that round again', async () => {
    const { db, commands, writesOf, close } = await counted('proj_started', perCandidacy.name);
    try {
      const store = new EventStore(db);
      await submitted(store, 0, 120); // each the first event of its stream
      const starting = { ...perCandidacy, startedBy: ['Submitted'] };
      const finds = () => commands.filter((c) => c.name === 'find').length;

      const runner = new ProjectionRunner(store, db, [starting]);
      await runner.drain();
      expect(finds()).toBe(0);
      expect(sum(writesOf('insert'))).toBe(120);
      const digest = await runner.digest(starting);

      // A crash before the checkpoint moved: another runner folds the round again.
      await db.collection('projection_checkpoints').deleteMany({});
      const before = finds(); // the digest's
      await new ProjectionRunner(store, db, [starting]).drain();
      expect(finds()).toBe(before);
      expect(sum(writesOf('update'))).toBe(120);
      expect(await runner.digest(starting)).toBe(digest);
    } finally {
      await close();
    }
  });

  it('writes nothing for an event that leaves its document as it is', async () => {
    const { db, writesOf, close } = await counted('proj_unchanged', perCandidacy.name);
    try {
      const store = new EventStore(db);
      const firstOnly: typeof perCandidacy = {
        ...perCandidacy,
        evolve: (document, event, id) => document ?? perCandidacy.evolve(null, event, id),
      };
      const runner = new ProjectionRunner(store, db, [firstOnly]);
      await submitted(store, 0, 120);
      await runner.drain();
      const positions = await db.collection(perCandidacy.name).distinct('_position');

      await submitted(store, 120, 180);
      await runner.drain();

      expect(sum(writesOf('insert'))).toBe(120);
      expect(writesOf('update')).toEqual([]);
      expect(await db.collection(perCandidacy.name).distinct('_position')).toEqual(positions);
    } finally {
      await close();
    }
  });

  it('folds its read models on one read of the log, from its first round on', async () => {
    const { db, commands, close } = await counted('proj_shared_read', 'es_log');
    try {
      await submitted(new EventStore(db), 0, 120);
      // A new store each: no batch it read before is kept in memory.
      const logFinds = async (projections: Projection[]) => {
        const before = commands.length;
        await new ProjectionRunner(new EventStore(db), db, projections).catchUp();
        return commands.slice(before).filter((c) => c.name === 'find').length;
      };

      const alone = await logFinds([named('a')]);
      const three = await logFinds([named('b'), named('c'), named('d')]);

      expect(alone).toBeGreaterThan(0);
      expect(three).toBe(alone);
    } finally {
      await close();
    }
  });

  it("moves its read models' checkpoints in one command a round", async () => {
    const { db, writesOf, close } = await counted('proj_checkpoints', 'projection_checkpoints');
    try {
      await submitted(new EventStore(db), 0, 120);
      const runner = new ProjectionRunner(new EventStore(db), db, [named('a'), named('b'), named('c')]);

      expect(await runner.catchUp()).toBe(360);

      expect(writesOf('update')).toEqual([3]);
      const saved = await db.collection('projection_checkpoints').countDocuments({});
      expect(saved).toBe(3);
      expect(await runner.foldedThrough()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('retires a read model it no longer folds while it holds the lease, and again at each lease gain (an older holder may have folded it)', async () => {
    const { db, close } = await counted('proj_retire', perCandidacy.name);
    try {
      const store = new EventStore(db);
      const olderVersion = () => new ProjectionRunner(store, db, [perCandidacy]).drain();
      const present = async () => ({
        collection: (await db.listCollections({ name: perCandidacy.name }).toArray()).length,
        checkpoint: await db.collection('projection_checkpoints').countDocuments({ _id: perCandidacy.name as never }),
      });
      await submitted(store, 0, 10);
      await olderVersion();
      const leadership = { held: false, isCurrent: async () => leadership.held };
      const runner = new ProjectionRunner(store, db, [], leadership, { retired: [perCandidacy.name] });

      await runner.catchUp();
      expect(await present()).toEqual({ collection: 1, checkpoint: 1 });
      leadership.held = true;
      await runner.catchUp();
      expect(await present()).toEqual({ collection: 0, checkpoint: 0 });

      await olderVersion();
      await runner.catchUp(); // still the holder: it does not look again
      expect(await present()).toEqual({ collection: 1, checkpoint: 1 });
      runner.leadershipGained();
      await runner.catchUp();
      expect(await present()).toEqual({ collection: 0, checkpoint: 0 });
    } finally {
      await close();
    }
  });

  it('folds live into the documents it wrote without reading them back, until the lease may have changed hands', async () => {
    const { db, commands, close } = await counted('proj_live_kept', perCandidacy.name);
    try {
      const store = new EventStore(db);
      const runner = new ProjectionRunner(store, db, [perCandidacy]);
      await submitted(store, 0, 120);
      await runner.drain();
      const finds = () => commands.filter((c) => c.name === 'find').length;
      const first = finds();

      await submitted(store, 120, 180);
      await runner.drain();
      const second = finds() - first;
      runner.leadershipGained();
      await submitted(store, 180, 240);
      await runner.drain();
      const afterGain = finds() - first - second;

      expect(first).toBe(120); // new documents: looked up once each
      expect(second).toBe(0);
      expect(afterGain).toBe(60);
      const documents = await runner.collection(perCandidacy).find({}).toArray();
      expect(documents.map((d) => d.submitted).sort()).toEqual([...Array(120).fill(2)]);
    } finally {
      await close();
    }
  });

  it('rebuilds in rounds, writing each document once and inserting it, without reading any back', async () => {
    const { db, commands, writesOf, close } = await counted('proj_rebuild', perCandidacy.name);
    try {
      const { store, liveDigest } = await loggedTwice(db);
      const runner = new ProjectionRunner(store, db, [perCandidacy], SOLE_INSTANCE, { rebuildBatchSize: 120 });
      commands.length = 0;

      await runner.rebuild(perCandidacy);
      const finds = commands.filter((c) => c.name === 'find');

      expect(await runner.digest(perCandidacy)).toBe(liveDigest);
      expect(finds).toEqual([]);
      expect(sum(writesOf('insert'))).toBe(120);
      expect(writesOf('update')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reads back by _id what a rebuild could not keep in memory, and folds it the same', async () => {
    const { db, commands, close } = await counted('proj_rebuild_kept', perCandidacy.name);
    try {
      const { store, liveDigest } = await loggedTwice(db);
      const options = { rebuildBatchSize: 120, rebuildKeptDocuments: 30 };
      const runner = new ProjectionRunner(store, db, [perCandidacy], SOLE_INSTANCE, options);
      commands.length = 0;

      await runner.rebuild(perCandidacy);
      const finds = commands.filter((c) => c.name === 'find');

      expect(await runner.digest(perCandidacy)).toBe(liveDigest);
      expect(finds.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
