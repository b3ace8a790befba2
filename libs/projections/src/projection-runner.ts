import { settleAll } from '@admissions/domain-kernel';
import {
  bulkWriteInChunks,
  LogCheckpoints,
  SOLE_INSTANCE,
  type EventStore,
  type Leadership,
  type LogCursor,
  type LogRead,
  type LogReader,
  type StoredEvent,
  erasedPersonOf,
  insertAbsent,
} from '@admissions/event-store';
import { createHash } from 'node:crypto';
import type { mongo } from 'mongoose';
import { findByIds } from './find-by-ids';
import type { Projection, ReadModel } from './projection';

/** A read model's round: the events it folded, and where the log stands after them. */
interface Folded {
  readonly projection: Projection;
  readonly events: number;
  readonly reached: LogCursor;
}

export interface ProjectionRunnerOptions {
  /** Events read per round (whole log batches). */
  readonly batchSize?: number;
  /** Events read per round of a rebuild (5000). */
  readonly rebuildBatchSize?: number;
  /**
   * Documents a rebuild keeps in memory (50,000). It writes what it changed, then its checkpoint,
   * once it has changed this many or the log ends; past it, it drops the oldest and reads back
   * those it needs.
   */
  readonly rebuildKeptDocuments?: number;
  /** Documents the live fold keeps in memory per read model (5,000), the most recently written. */
  readonly keptDocuments?: number;
  /** Read models an earlier version folded and this one does not: dropped, with their checkpoints, whenever it gains the lease. */
  readonly retired?: readonly string[];
}

/** Log batches a rebuild looks up at once (it reads the whole log, so they are there). */
const REBUILD_READ_AHEAD = 16;

/**
 * The documents of a read model as this runner last wrote them, so that it folds into them without
 * reading them back: right while it is their only writer. The live fold holds the lease (dropped
 * whenever the lease may have changed hands or a round failed); a rebuild has emptied the model,
 * so a document it has not `written` does not exist either: it reads none and inserts those.
 */
interface Kept {
  /** By _id, the least recently written first. */
  readonly documents: Map<string, ReadModel>;
  readonly limit: number;
  readonly written?: Set<string>;
  /** A rebuild's documents changed since it last wrote, kept until it does: each is written once per flush. */
  readonly unwritten?: Set<string>;
}

/**
 * Folds the service's own events, in position order, into MongoDB read models. Each document
 * records the last position folded into it, in the same write: an event replayed after a crash
 * (checkpoint not yet saved) is skipped per document, so folding is idempotent without
 * transactions. Only the lease holder folds, so two replicas never write one document at once.
 */
export class ProjectionRunner implements LogReader {
  readonly name = 'projections';
  private readonly checkpoints: LogCheckpoints;
  private readonly reached = new Map<string, LogCursor>();
  /** By read model, what the live fold wrote while it held the lease. */
  private readonly kept = new Map<string, Kept>();
  /** Whether the retired read models are to be dropped before the next round. */
  private retiring = true;

  constructor(
    private readonly store: EventStore,
    private readonly db: mongo.Db,
    private readonly projections: readonly Projection[],
    private readonly leadership: Leadership = SOLE_INSTANCE,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new LogCheckpoints(db, 'projection_checkpoints', leadership);
  }

  collection<D extends ReadModel>(projection: Projection<D>): mongo.Collection<D> {
    return this.db.collection<D>(projection.name);
  }

  /** Declares each read model's indexes (the fields its queries and its erasure look up besides _id). */
  async ensureIndexes(): Promise<void> {
    for (const projection of this.projections)
      for (const field of indexedFieldsOf(projection))
        await this.collection(projection).createIndex({ [field]: 1 }, { name: field });
  }

  /**
   * Another instance may have folded while this one did not lead: read the checkpoints and documents
   * again. It may also run an earlier version, during a rolling upgrade, and have folded a read model
   * this one retired: drop those again.
   */
  leadershipGained(): void {
    this.reached.clear();
    this.kept.clear();
    this.retiring = true;
  }

  step(): Promise<number> {
    return this.catchUp();
  }

  /** One round over every projection; returns how many events were read. */
  async catchUp(): Promise<number> {
    if (!this.leadership.held) return 0;
    if (this.retiring) await this.retire(this.options.retired ?? []);
    // Projections that stand at the same place (the usual case) share one read of the log, and
    // fold side by side: a read model's documents do not wait for another's writes.
    // Their places are known first, so a round after a restart or a lease gain shares its read too.
    const places = await settleAll(this.projections.map((projection) => this.placeOf(projection)));
    const reads = new Map<number, Promise<LogRead>>();
    const outcomes = await Promise.allSettled(
      this.projections.map((projection, i) => this.foldOne(projection, places[i], reads)),
    );
    // The read models that folded move their checkpoints in one write, even when another failed.
    const folded = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const read = await this.settle(folded);
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return read;
  }

  /** Catches up every projection with all that is logged now. */
  async drain(): Promise<void> {
    while ((await this.catchUp()) > 0);
  }

  /** Drops read models the service no longer folds, and their checkpoints; those already gone are skipped. */
  private async retire(names: readonly string[]): Promise<void> {
    for (const name of names) {
      await this.db.collection(name).drop();
      await this.checkpoints.forget(name);
    }
    this.retiring = false;
  }

  private async placeOf(projection: Projection): Promise<LogCursor> {
    return this.reached.get(projection.name) ?? (await this.checkpoints.load(projection.name));
  }

  /** Folds what is logged after `from` into one read model, without moving its checkpoint. */
  private async foldOne(
    projection: Projection,
    from: LogCursor,
    reads: Map<number, Promise<LogRead>>,
    rebuilding?: Kept,
  ): Promise<Folded> {
    const read =
      reads.get(from.batch) ??
      (rebuilding
        ? this.store.readLog(from, this.options.rebuildBatchSize ?? 5000, { open: true, readAhead: REBUILD_READ_AHEAD })
        : this.store.readLog(from, this.options.batchSize ?? 1000, { open: true }));
    reads.set(from.batch, read);
    const { events, reached } = await read;
    if (events.length === 0) return { projection, events: 0, reached };
    const kept = rebuilding ?? this.keptOf(projection);
    try {
      await this.fold(projection, events, kept);
    } catch (error) {
      kept.documents.clear(); // some of the round's writes may have landed, some not
      kept.unwritten?.clear();
      throw error;
    }
    return { projection, events: events.length, reached };
  }

  /** Moves the checkpoints of the read models that read events; returns how many events they read. */
  private async settle(folded: readonly Folded[]): Promise<number> {
    const moved = folded.filter((f) => f.events > 0);
    if (moved.length === 0) return 0;
    if (!(await this.checkpoints.saveAll(moved.map((f) => [f.projection.name, f.reached])))) {
      this.reached.clear();
      this.kept.clear();
      return 0;
    }
    for (const { projection, reached } of moved) this.reached.set(projection.name, reached);
    return moved.reduce((sum, f) => sum + f.events, 0);
  }

  private keptOf(projection: Projection): Kept {
    let kept = this.kept.get(projection.name);
    if (!kept) {
      kept = { documents: new Map(), limit: this.options.keptDocuments ?? 5000 };
      this.kept.set(projection.name, kept);
    }
    return kept;
  }

  private async fold(projection: Projection, events: readonly StoredEvent[], kept: Kept): Promise<void> {
    await this.foldEvents(projection, events, kept);
    // After the batch: what it folded of an erased person (a key still cached) is purged too, from
    // the stored documents, so a rebuild writes what it holds first.
    const erased = events.flatMap((event) => {
      const personId = erasedPersonOf(event);
      return personId === undefined ? [] : [{ personId, position: event.metadata.position ?? 0 }];
    });
    if (erased.length > 0) await this.flush(projection, kept);
    for (const { personId, position } of erased) await this.erase(projection, personId, position, kept);
  }

  private async erase(projection: Projection, personId: string, position: number, kept: Kept): Promise<void> {
    this.store.forgetKey(personId);
    const erasure = projection.erasure;
    if (!erasure) return;
    const collection = this.collection(projection);
    const holders = await collection.find({ [erasure.personField]: personId }).toArray();
    const writes = holders.map((document) => ({
      replaceOne: {
        filter: { _id: document._id },
        replacement: {
          ...erasure.erase(document, personId),
          _id: document._id,
          _position: Math.max(position, document._position ?? 0),
        },
      },
    }));
    if (writes.length > 0) await collection.bulkWrite(writes, { ordered: false });
    // The next rounds fold into the purged documents, not into what was kept of them.
    for (const { replaceOne } of writes) {
      kept.written?.add(replaceOne.filter._id);
      if (kept.documents.has(replaceOne.filter._id)) kept.documents.set(replaceOne.filter._id, replaceOne.replacement);
    }
  }

  private async foldEvents(projection: Projection, events: readonly StoredEvent[], kept: Kept): Promise<void> {
    const handled = new Set(projection.handles);
    const touched = events.filter((e) => handled.has(e.type));
    if (touched.length === 0) return;
    const collection = this.collection(projection);
    const starting = new Set(projection.startedBy);
    const started = new Set(touched.filter((e) => starting.has(e.type)).flatMap((e) => projection.documentsOf(e)));
    const { documents, absent } = await this.documentsFor(
      collection,
      touched.flatMap((e) => projection.documentsOf(e)),
      kept,
      started,
    );
    const changed = new Set<string>();
    for (const event of touched) {
      const position = event.metadata.position ?? 0;
      for (const id of projection.documentsOf(event)) {
        const current = documents.get(id) ?? null;
        if (current && (current._position ?? 0) >= position) continue;
        const next = projection.evolve(current, event, id);
        if (next === current) continue; // left as it is
        documents.set(id, { ...next, _id: id, _position: position });
        changed.add(id);
      }
    }
    if (kept.unwritten) for (const id of changed) kept.unwritten.add(id);
    else await this.write(collection, changed, documents, (id) => absent.has(id));
    keep(kept, changed, documents);
  }

  /** Writes what a rebuild changed since it last wrote; the oldest of the documents kept then go past the limit. */
  private async flush(projection: Projection, kept: Kept): Promise<void> {
    const { unwritten, written } = kept;
    if (!unwritten || !written || unwritten.size === 0) return;
    await this.write(this.collection(projection), unwritten, kept.documents, (id) => !written.has(id));
    for (const id of unwritten) written.add(id);
    unwritten.clear();
    evict(kept);
  }

  private async write(
    collection: mongo.Collection<ReadModel>,
    ids: ReadonlySet<string>,
    documents: ReadonlyMap<string, ReadModel>,
    isNew: (id: string) => boolean,
  ): Promise<void> {
    const replaced: string[] = [];
    const inserted: ReadModel[] = [];
    for (const id of ids) {
      const document = documents.get(id);
      if (!document) continue;
      if (isNew(id)) inserted.push(document);
      else replaced.push(id);
    }
    // Inserted, not upserted: FerretDB inserts a batch in one statement, where it reads and then
    // writes each replaced document in turn. One written meanwhile (by another holder of the
    // lease), or a started one stored already (its round folded again after a crash or a lease
    // handover), is replaced as the others are.
    const stored = (await insertAbsent(collection, inserted)).map((index) => inserted[index]._id);
    const writes = [...replaced, ...stored].map((id) => ({
      replaceOne: { filter: { _id: id }, replacement: documents.get(id) as ReadModel, upsert: true },
    }));
    await bulkWriteInChunks(collection, writes, { ordered: false });
  }

  /**
   * The stored documents with these ids: those kept, the others read (in parallel, by _id) if they
   * may exist; and the ids found absent or `started` by the round, which it inserts.
   */
  private async documentsFor(
    collection: mongo.Collection<ReadModel>,
    ids: readonly string[],
    kept: Kept,
    started: ReadonlySet<string>,
  ): Promise<{ documents: Map<string, ReadModel>; absent: Set<string> }> {
    const documents = new Map<string, ReadModel>();
    const unknown: string[] = [];
    const absent = new Set<string>();
    for (const id of new Set(ids)) {
      const known = kept.documents.get(id);
      if (known) documents.set(id, known);
      else if (kept.written) {
        if (kept.written.has(id)) unknown.push(id); // a rebuild: only what it wrote exists
      } else if (started.has(id)) absent.add(id);
      else unknown.push(id);
    }
    for (const document of await findByIds(collection, unknown)) documents.set(document._id, document);
    for (const id of unknown) if (!documents.has(id)) absent.add(id);
    return { documents, absent };
  }

  /**
   * The log batch every read model has folded, as the checkpoints say (whichever instance folds):
   * a commit logged at or before it shows in every read model. A lookup by _id per read model.
   */
  async foldedThrough(): Promise<number> {
    const cursors = await Promise.all(this.projections.map((projection) => this.checkpoints.load(projection.name)));
    return Math.min(Number.MAX_SAFE_INTEGER, ...cursors.map((cursor) => cursor.batch));
  }

  /**
   * Drops a read model and folds it again from the first event; `progress` hears of each round.
   * It writes each document once per `rebuildKeptDocuments` changed (once in all, for a model that
   * fits), then moves its checkpoint. Stops early, without error, when the lease is lost: the
   * caller checks it afterwards.
   */
  async rebuild(projection: Projection, progress?: (events: number, reached: LogCursor) => void): Promise<void> {
    await this.collection(projection).deleteMany({});
    await this.checkpoints.forget(projection.name);
    this.reached.delete(projection.name);
    this.kept.delete(projection.name);
    const limit = this.options.rebuildKeptDocuments ?? 50_000;
    const unwritten = new Set<string>();
    const rebuilding: Kept = { documents: new Map(), limit, written: new Set(), unwritten };
    let place = await this.placeOf(projection);
    let unsaved = 0;
    for (;;) {
      const { events, reached } = await this.foldOne(projection, place, new Map(), rebuilding);
      place = reached;
      unsaved += events;
      const ended = events === 0;
      if (ended || unwritten.size >= limit) {
        await this.flush(projection, rebuilding);
        if (unsaved > 0 && (await this.settle([{ projection, events: unsaved, reached }])) === 0) return;
        unsaved = 0;
      }
      if (ended) return;
      progress?.(events, reached);
    }
  }

  /** A digest of a read model's documents, to compare a rebuilt model with the live one. */
  async digest(projection: Projection): Promise<string> {
    const hash = createHash('sha256');
    const cursor = this.collection(projection).find({}).sort({ _id: 1 });
    for await (const document of cursor) hash.update(canonicalJson(document));
    return hash.digest('hex');
  }
}

/** Remembers the documents just changed, the most recent last. */
function keep(kept: Kept, changed: ReadonlySet<string>, documents: ReadonlyMap<string, ReadModel>): void {
  for (const id of changed) {
    kept.documents.delete(id);
    kept.documents.set(id, documents.get(id) as ReadModel);
  }
  evict(kept);
}

/** Past the limit, forgets the oldest documents kept, of those written. */
function evict(kept: Kept): void {
  for (const id of kept.documents.keys()) {
    if (kept.documents.size <= kept.limit) break;
    if (!kept.unwritten?.has(id)) kept.documents.delete(id);
  }
}

/** JSON with object keys sorted, so two equal documents hash alike whatever their field order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fields a read model is looked up by: its declared indexes, and the person field of its erasure. */
function indexedFieldsOf(projection: Projection): string[] {
  const personField = projection.erasure?.personField;
  const fields = [...(projection.indexes ?? []), ...(personField === undefined ? [] : [personField])];
  return [...new Set(fields)].filter((field) => field !== '_id'); // _id has its index already
}
