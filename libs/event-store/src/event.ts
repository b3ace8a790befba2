import type { Actor, DomainEvent } from '@admissions/domain-kernel';

/** What the store adds to a domain event when it is appended. */
export interface EventMetadata {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  /** Service-wide order, assigned when the event is logged (see EventLog); absent until then. */
  readonly position?: number;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor: Actor;
  readonly schemaVersion: number;
}

export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/**
 * The domain event a stored one carries, for a reader that knows which events it holds (it
 * filtered them by type, or read the stream of the decider that appended them).
 */
export function domainEventOf<E extends DomainEvent>(stored: StoredEvent): E {
  const event: DomainEvent = stored;
  return event as E;
}

/** Who and why, given once per command and copied onto each of its events. */
export interface AppendContext {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor: Actor;
  readonly occurredAt: Date;
}

/** The stored form: one document per command, so the events of a command land atomically. */
export interface CommitDocument {
  _id: string; // `${streamId}@${firstVersion}`: the _id index makes a second writer of that version fail
  streamId: string;
  version: number; // first version in the commit
  lastVersion: number;
  committedAt: Date;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  events: { eventId: string; type: string; schemaVersion: number; data: unknown }[];
}

/**
 * One outbox entry per append attempt, written before the commit: an entry whose commit exists
 * (with the same first event) is to be published; one whose commit never came is an orphan.
 */
export interface OutboxDocument {
  _id: string; // the first event's id: unique per attempt, so a losing writer removes only its own
  commitId: string;
  queuedAt: Date;
}

/**
 * A batch of commits given consecutive positions, in the order listed. Batches are numbered
 * 1, 2, 3…; batch n is inserted only by a writer that has read batch n − 1, so the insert of its
 * unique _id decides, atomically on any MongoDB-wire server, who assigns the positions after n − 1.
 * The commits are copied in, so readers of the log (relay, projections) need one _id lookup a batch.
 */
export interface LogDocument {
  _id: number; // batch number
  firstPosition: number;
  lastPosition: number;
  commits: CommitDocument[];
}

/** Where a reader of the log stands: the last batch it has taken in, and that batch's last position. */
export interface LogCursor {
  readonly batch: number;
  readonly position: number;
}

export const LOG_START: LogCursor = { batch: 0, position: 0 };

export function commitId(streamId: string, version: number): string {
  return `${streamId}@${version}`;
}

/** Unfolds a commit into its events, with their versions and (when logged) positions. */
export function eventsOfCommit(commit: CommitDocument, position?: number): StoredEvent[] {
  return commit.events.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: event.eventId,
      streamId: commit.streamId,
      version: commit.version + index,
      ...(position === undefined ? {} : { position: position + index }),
      occurredAt: commit.committedAt.toISOString(),
      correlationId: commit.correlationId,
      ...(commit.causationId === undefined ? {} : { causationId: commit.causationId }),
      actor: commit.actor,
      schemaVersion: event.schemaVersion,
    },
  }));
}

/** The events of a logged batch, each with its position. */
export function eventsOfBatch(batch: LogDocument): StoredEvent[] {
  let position = batch.firstPosition;
  return batch.commits.flatMap((commit) => {
    const events = eventsOfCommit(commit, position);
    position += commit.events.length;
    return events;
  });
}
