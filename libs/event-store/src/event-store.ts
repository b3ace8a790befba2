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
import { StreamCache } from './stream-cache';
import { Upcasters } from './upcasters';

const DUPLICATE_KEY = 11000;
const RECENT_BATCHES = 32;

export interface EventStoreOptions {
  readonly upcasters?: Upcasters;
  /** The schema version new events of a type are written with (from the contracts registry). */
  readonly schemaVersionOf?: (type: string) => number;
  readonly cachedStreams?: number;
}

export interface LoadedStream {
  readonly events: StoredEvent[];
  readonly version: number;
}

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
  /** The batches this process logged or read lately, by number: logged batches never change. */
  private readonly batches = new Map<number, LogDocument>();
  private readonly listeners = new Set<AppendListener>();

  constructor(db: mongo.Db, options: EventStoreOptions = {}) {
    this.commits = db.collection<CommitDocument>('es_commits');
    this.outbox = db.collection<OutboxDocument>('es_outbox');
    this.log = db.collection<LogDocument>('es_log');
    this.upcasters = options.upcasters ?? new Upcasters();
    this.schemaVersionOf = options.schemaVersionOf ?? (() => 1);
    this.cache = new StreamCache(options.cachedStreams ?? 10_000);
  }

  /** Appends after `expectedVersion` (0 for a new stream); an empty list appends nothing. */
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    context: AppendContext,
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const commit = this.commitOf(streamId, expectedVersion, events, context);
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
    for (const listener of this.listeners) listener(commit);
    return eventsOfCommit(commit);
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

  /** Reads a stream by walking its commits by _id from what this process already knows of it. */
  async readStream(streamId: string): Promise<LoadedStream> {
    const known = this.cache.get(streamId);
    const events = [...known.events];
    let version = known.version;
    for (;;) {
      const next = await this.commits.findOne({ _id: commitId(streamId, version + 1) });
      if (!next) break;
      events.push(...eventsOfCommit(next).map((event) => this.upcasters.apply(event)));
      version = next.lastVersion;
    }
    if (version !== known.version) this.cache.set(streamId, { events, version });
    return { events, version };
  }

  /**
   * The logged events after a cursor, in position order, whole batches at a time until at least
   * `minEvents` are read or the log ends: one _id lookup per batch, however long the log.
   */
  async readLog(after: LogCursor, minEvents = 1000): Promise<LogRead> {
    const events: StoredEvent[] = [];
    let reached = after;
    while (events.length < minEvents) {
      const batch = this.batches.get(reached.batch + 1) ?? (await this.log.findOne({ _id: reached.batch + 1 }));
      if (!batch) break;
      this.remember(batch);
      events.push(...eventsOfBatch(batch).map((event) => this.upcasters.apply(event)));
      reached = { batch: batch._id, position: batch.lastPosition };
    }
    return { events, reached };
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

  /** Tells in-process readers (relay, projections) that there is something new, at once. */
  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
