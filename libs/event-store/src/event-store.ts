import { ConcurrencyError, type DomainEvent } from '@admissions/domain-kernel';
import type { mongo } from 'mongoose';
import {
  commitId,
  eventsOfBatch,
  eventsOfCommit,
  LOG_START,
  type AppendContext,
  type CommitDocument,
  type LogCursor,
  type LogDocument,
  type OutboxDocument,
  type StoredEvent,
} from './event';
import { newEventId } from './event-id';
import { gallop } from './gallop';
import { type PersonalDataCodec, subjectOfData } from './personal-data';
import { StreamCache } from './stream-cache';
import { Upcasters } from './upcasters';

const DUPLICATE_KEY = 11000;
/** Above any reader's `readAhead`, so that the batches read ahead are still there for its next read. */
const RECENT_BATCHES = 32;
/** How long the head logged by this process's sequencer spares its readers a look past it. */
const HEAD_TRUSTED_MS = 5_000;

export interface EventStoreOptions {
  readonly upcasters?: Upcasters;
  /** The schema version new events of a type are written with (from the contracts registry). */
  readonly schemaVersionOf?: (type: string) => number;
  readonly cachedStreams?: number;
  /** Seals every `personal` value on append and opens it on read (none: stored as given). */
  readonly personalData?: PersonalDataCodec;
}

export interface LoadedStream {
  readonly events: StoredEvent[];
  readonly version: number;
  /** The first version of the stream's last commit (0 for an empty stream): with the stream id, its commit id. */
  readonly lastCommit: number;
}

/** How far a commit has gone: not in this store, appended but not yet logged, or logged. */
export type CommitProgress = 'unknown' | 'appended' | 'logged';

export interface LogRead {
  readonly events: StoredEvent[];
  /** The cursor after the batches read (the one given when nothing was new). */
  readonly reached: LogCursor;
}

type AppendListener = (commit: CommitDocument) => void;

/**
 * Append-only streams on MongoDB without multi-document transactions. A command's events form
 * one commit document whose _id (stream + first version) makes a concurrent writer of the same
 * version fail. Every path is an insert or an _id lookup, so the store stays fast on servers
 * without secondary-index query plans (FerretDB/SQLite) as well as on MongoDB.
 */
export class EventStore {
  readonly commits: mongo.Collection<CommitDocument>;
  readonly outbox: mongo.Collection<OutboxDocument>;
  readonly log: mongo.Collection<LogDocument>;
  private readonly upcasters: Upcasters;
  private readonly schemaVersionOf: (type: string) => number;
  private readonly cache: StreamCache;
  private readonly personalData?: PersonalDataCodec;
  /** The batches this process logged or read lately, by number: logged batches never change. */
  private readonly batches = new Map<number, LogDocument>();
  /** The last batch of the log as this process's sequencer knows it, and when (see `knowLogHead`). */
  private loggedHead?: { readonly batch: number; readonly at: number };
  private readonly listeners = new Set<AppendListener>();
  private readonly forgetting = new Set<() => void>();

  constructor(db: mongo.Db, options: EventStoreOptions = {}) {
    this.commits = db.collection<CommitDocument>('es_commits');
    this.outbox = db.collection<OutboxDocument>('es_outbox');
    this.log = db.collection<LogDocument>('es_log');
    this.upcasters = options.upcasters ?? new Upcasters();
    this.schemaVersionOf = options.schemaVersionOf ?? (() => 1);
    this.cache = new StreamCache(options.cachedStreams ?? 10_000);
    this.personalData = options.personalData;
  }

  /** Appends after `expectedVersion` (0 for a new stream); an empty list appends nothing. */
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    context: AppendContext,
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    // Sealed before anything is written: a key store that is away fails the append, never stores clear text.
    const commit = this.commitOf(
      streamId,
      expectedVersion,
      await this.sealed(streamId, expectedVersion, events),
      context,
    );
    // The outbox entry goes first: a commit that exists always has one, so none is left unpublished.
    const entry: OutboxDocument = { _id: commit.events[0].eventId, commitId: commit._id, queuedAt: new Date() };
    await this.outbox.insertOne(entry);
    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      await this.outbox.deleteOne({ _id: entry._id }).catch(() => undefined);
      if (isDuplicateKey(error)) {
        throw new ConcurrencyError(`Stream ${streamId} changed after version ${expectedVersion}; reload and retry`);
      }
      throw error;
    }
    // The cache keeps them as stored (sealed); the caller gets them as decided, in clear.
    const stored = eventsOfCommit(commit);
    this.extendCached(streamId, expectedVersion, stored, commit);
    for (const listener of this.listeners) listener(commit);
    return stored.map((event, index) => ({ ...event, data: events[index].data }));
  }

  /**
   * A stream this process just extended stays known whole, so its next command need not read it.
   * The cache holds events as stored, personal data sealed: each read opens them, so nothing of a
   * person stays readable in memory once their key is gone (beyond the cipher's short key cache).
   */
  private extendCached(
    streamId: string,
    after: number,
    appended: readonly StoredEvent[],
    commit: CommitDocument,
  ): void {
    const known = this.cache.get(streamId);
    if (known.version !== after) return;
    const events = [...known.events, ...appended];
    this.cache.set(streamId, { events, version: commit.lastVersion, lastCommit: commit.version });
  }

  /** Stored events as deciders read them: personal data opened, then lifted to the current shape. */
  private async current(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    return (await this.open(events)).map((event) => this.upcasters.apply(event));
  }

  private async sealed(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<readonly DomainEvent[]> {
    const codec = this.personalData;
    if (!codec) return events;
    const streamSubject = async () => subjectOfData(await this.firstEventData(streamId, expectedVersion, events));
    return Promise.all(events.map(async (event) => ({ ...event, data: await codec.seal(event.data, streamSubject) })));
  }

  /** The data of a stream's first event: the one that names whose stream it is. */
  private async firstEventData(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<unknown> {
    if (expectedVersion === 0) return events[0]?.data;
    const known = this.cache.peek(streamId)?.events[0];
    if (known) return known.data;
    return (await this.commits.findOne({ _id: commitId(streamId, 1) }))?.events[0]?.data;
  }

  /** Drops this process's copy of an erased person's key, so nothing more opens with it. */
  forgetKey(personId: string): void {
    this.personalData?.forget(personId);
    for (const listener of this.forgetting) listener();
  }

  /** Tells whoever keeps opened events or what was folded of them (the CommandRunner) to drop it. */
  onKeyForgotten(listener: () => void): () => void {
    this.forgetting.add(listener);
    return () => this.forgetting.delete(listener);
  }

  /** Opens the personal data of events read from the log (which keeps it sealed, as the topics do). */
  async open(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const codec = this.personalData;
    return codec ? Promise.all(events.map((event) => codec.openEvent(event))) : [...events];
  }

  private commitOf(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    context: AppendContext,
  ): CommitDocument {
    const version = expectedVersion + 1;
    return {
      _id: commitId(streamId, version),
      streamId,
      version,
      lastVersion: expectedVersion + events.length,
      committedAt: context.occurredAt,
      correlationId: context.correlationId,
      ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
      actor: { id: context.actor.id, roles: [...context.actor.roles] },
      events: events.map((event) => ({
        eventId: newEventId(),
        type: event.type,
        schemaVersion: this.schemaVersionOf(event.type),
        data: event.data,
      })),
    };
  }

  /**
   * The stream as this process last read or wrote it, without asking the database; it may have
   * moved since (another replica), so only an append at its version proves it current.
   */
  async cachedStream(streamId: string): Promise<LoadedStream | undefined> {
    const known = this.cache.peek(streamId);
    return known === undefined
      ? undefined
      : { events: await this.current(known.events), version: known.version, lastCommit: known.lastCommit };
  }

  /** Reads a stream by walking its commits by _id from what this process already knows of it. */
  async readStream(streamId: string): Promise<LoadedStream> {
    const { events, version, lastCommit } = await this.walk(streamId);
    return { events: await this.current(events), version, lastCommit };
  }

  /**
   * The stream's events after `version`, for a caller that keeps what it folded of the ones before
   * (and so need not have them opened again); undefined when the stream is shorter than that.
   */
  async readStreamAfter(streamId: string, version: number): Promise<LoadedStream | undefined> {
    const walked = await this.walk(streamId);
    if (walked.version < version) return undefined;
    return { ...walked, events: await this.current(walked.events.slice(version)) };
  }

  /** The version of a stream this process holds, without opening its events; undefined when it holds none. */
  heldVersion(streamId: string): number | undefined {
    return this.cache.peek(streamId)?.version;
  }

  /** The stream's events as stored (sealed): what this process holds, then the commits after it. */
  private async walk(streamId: string): Promise<{ events: StoredEvent[]; version: number; lastCommit: number }> {
    const known = this.cache.get(streamId);
    const events = [...known.events];
    let { version, lastCommit } = known;
    for (;;) {
      const next = await this.commits.findOne({ _id: commitId(streamId, version + 1) });
      if (!next) break;
      events.push(...eventsOfCommit(next));
      version = next.lastVersion;
      lastCommit = next.version;
    }
    if (version !== known.version) this.cache.set(streamId, { events, version, lastCommit });
    return { events, version, lastCommit };
  }

  /**
   * Whether a commit (by its id) is stored, and whether the sequencer has logged it: its outbox
   * entry goes only after the batch holding it was inserted. Two lookups by _id.
   */
  async commitProgress(id: string): Promise<CommitProgress> {
    const commit = await this.commits.findOne({ _id: id });
    const first = commit?.events[0];
    if (!first) return 'unknown';
    return (await this.outbox.findOne({ _id: first.eventId }, { projection: { _id: 1 } })) ? 'appended' : 'logged';
  }

  /**
   * The logged events after a cursor, in position order, their personal data sealed unless
   * `open` (the relay publishes it sealed; projections and reactions read it in clear), whole batches at a time until at least
   * `minEvents` are read or the log ends: one _id lookup per batch, however long the log.
   * `readAhead` lookups go out at once (batches are numbered without gaps): a reader of a long log
   * (a rebuild) waits for one round trip per `readAhead` batches, at the cost of `readAhead - 1`
   * lookups that find nothing at the log's end — why the live readers, usually at the end, keep 1.
   */
  async readLog(
    after: LogCursor,
    minEvents = 1000,
    options: { readonly open?: boolean; readonly readAhead?: number } = {},
  ): Promise<LogRead> {
    const events: StoredEvent[] = [];
    let reached = after;
    while (events.length < minEvents) {
      const batches = await this.batchesAfter(reached.batch, Math.max(1, options.readAhead ?? 1));
      if (batches.length === 0) break;
      // The batches past `minEvents` stay remembered: the next read takes them from memory.
      batches.forEach((batch) => this.remember(batch));
      for (const batch of batches) {
        if (events.length >= minEvents) break;
        const read = options.open ? await this.open(eventsOfBatch(batch)) : eventsOfBatch(batch);
        events.push(...read.map((event) => this.upcasters.apply(event)));
        reached = { batch: batch._id, position: batch.lastPosition };
      }
    }
    return { events, reached };
  }

  /** Up to `count` batches after `batch`, looked up at once; the run stops at the first not logged yet. */
  private async batchesAfter(batch: number, count: number): Promise<LogDocument[]> {
    const head =
      this.loggedHead !== undefined && Date.now() - this.loggedHead.at < HEAD_TRUSTED_MS ? this.loggedHead : undefined;
    const wanted = head === undefined ? count : Math.min(count, head.batch - batch);
    if (wanted <= 0) return [];
    const found = await Promise.all(
      Array.from(
        { length: wanted },
        async (_, i) => this.batches.get(batch + 1 + i) ?? (await this.log.findOne({ _id: batch + 1 + i })),
      ),
    );
    const missing = found.indexOf(null);
    return (missing === -1 ? found : found.slice(0, missing)) as LogDocument[];
  }

  /**
   * While this process's sequencer holds the service's lease it is the log's only writer, so the
   * last batch it logged (or found on taking over) is the log's end: the readers of this process
   * look no further, where each of them used to look up the batch after the end at every round.
   * Undefined, as when the lease changes hands, means not known: readers look. Trusted for a few
   * seconds only: a former holder paused in the middle of a round may still log one batch after
   * the handover, and an idle successor would otherwise not read it until it logs again.
   */
  knowLogHead(batch: number | undefined): void {
    this.loggedHead = batch === undefined ? undefined : { batch, at: Date.now() };
  }

  /** Keeps a logged batch at hand for the readers of this process (the relay, the projections). */
  remember(batch: LogDocument): void {
    this.batches.set(batch._id, batch);
    if (this.batches.size > RECENT_BATCHES) this.batches.delete(Math.min(...this.batches.keys()));
  }

  /** The last logged batch at or after `from`, found by _id lookups (batches are numbered without gaps). */
  async logHead(from: LogCursor = LOG_START): Promise<LogCursor> {
    const exists = async (n: number) => (await this.log.findOne({ _id: n }, { projection: { _id: 1 } })) !== null;
    const last = await gallop(from.batch, exists);
    if (last === from.batch) return from;
    const batch = await this.log.findOne({ _id: last }, { projection: { lastPosition: 1 } });
    return { batch: last, position: batch?.lastPosition ?? from.position };
  }

  /**
   * The cursor from which readLog returns first the batch that holds `position` (it may begin
   * earlier); found by a binary search over the batches by _id.
   */
  async cursorBefore(position: number): Promise<LogCursor> {
    const head = await this.logHead();
    const lastPositionOf = async (n: number) =>
      (await this.log.findOne({ _id: n }, { projection: { lastPosition: 1 } }))?.lastPosition ?? 0;
    let low = 1;
    let high = head.batch;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((await lastPositionOf(middle)) >= position) high = middle;
      else low = middle + 1;
    }
    return low <= 1 ? LOG_START : { batch: low - 1, position: await lastPositionOf(low - 1) };
  }

  /** Tells in-process readers (relay, projections) that there is something new, at once. */
  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
