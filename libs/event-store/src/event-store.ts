import { ConcurrencyError, type DomainEvent } from '@admissions/domain-kernel';
import type { mongo } from 'mongoose';
import { commitId, eventsOfCommit, type AppendContext, type CommitDocument, type StoredEvent } from './event';
import { newEventId } from './event-id';
import { Upcasters } from './upcasters';

export const COMMITS = 'es_commits';
const DUPLICATE_KEY = 11000;

export interface EventStoreOptions {
  readonly upcasters?: Upcasters;
  /** The schema version new events of a type are written with (from the contracts registry). */
  readonly schemaVersionOf?: (type: string) => number;
}

export interface LoadedStream {
  readonly events: StoredEvent[];
  readonly version: number;
}

type AppendListener = (commit: CommitDocument) => void;

/**
 * Append-only streams in one MongoDB collection, without multi-document transactions: a
 * command's events form one commit document, and its _id (stream + first version) makes a
 * concurrent writer of the same version fail, which the store reports as a ConcurrencyError.
 */
export class EventStore {
  readonly commits: mongo.Collection<CommitDocument>;
  private readonly upcasters: Upcasters;
  private readonly schemaVersionOf: (type: string) => number;
  private readonly listeners = new Set<AppendListener>();

  constructor(db: mongo.Db, options: EventStoreOptions = {}) {
    this.commits = db.collection<CommitDocument>(COMMITS);
    this.upcasters = options.upcasters ?? new Upcasters();
    this.schemaVersionOf = options.schemaVersionOf ?? (() => 1);
  }

  async ensureIndexes(): Promise<void> {
    await this.commits.createIndexes([
      { key: { streamId: 1, version: 1 }, name: 'stream_version' },
      { key: { position: 1, committedAt: 1 }, name: 'position_committedAt' },
      { key: { lastPosition: 1 }, name: 'lastPosition' },
    ]);
  }

  /** Appends after `expectedVersion` (0 for a new stream); an empty list appends nothing. */
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    context: AppendContext,
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const version = expectedVersion + 1;
    const commit: CommitDocument = {
      _id: commitId(streamId, version),
      streamId,
      version,
      lastVersion: expectedVersion + events.length,
      committedAt: context.occurredAt,
      correlationId: context.correlationId,
      ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
      actor: { id: context.actor.id, roles: [...context.actor.roles] },
      events: events.map((event) => ({
        eventId: newEventId(context.occurredAt.getTime()),
        type: event.type,
        schemaVersion: this.schemaVersionOf(event.type),
        data: event.data,
      })),
    };
    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ConcurrencyError(`Stream ${streamId} changed after version ${expectedVersion}; reload and retry`);
      }
      throw error;
    }
    for (const listener of this.listeners) listener(commit);
    return eventsOfCommit(commit);
  }

  async readStream(streamId: string): Promise<LoadedStream> {
    const commits = await this.commits.find({ streamId }).sort({ version: 1 }).toArray();
    const events = commits.flatMap(eventsOfCommit).map((event) => this.upcasters.apply(event));
    return { events, version: commits.at(-1)?.lastVersion ?? 0 };
  }

  /** Events whose position is after `fromPosition`, in position order (rebuilds, projections). */
  async readAll(fromPosition: number, limit = 1000): Promise<StoredEvent[]> {
    const commits = await this.commits
      .find({ lastPosition: { $gt: fromPosition } })
      .sort({ position: 1 })
      .limit(limit)
      .toArray();
    return commits
      .flatMap(eventsOfCommit)
      .filter((event) => (event.metadata.position ?? 0) > fromPosition)
      .map((event) => this.upcasters.apply(event));
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
