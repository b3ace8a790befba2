import type { Actor, DomainEvent } from '@admissions/domain-kernel';

/** What the store adds to a domain event when it is appended. */
export interface EventMetadata {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  /** Service-wide order, assigned by the outbox relay; absent until the relay has logged the event. */
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

/** A batch of commits given consecutive positions by the relay, in the order listed. */
export interface LogDocument {
  _id: number; // position of the batch's first event
  lastPosition: number;
  commits: { commitId: string; count: number }[];
}

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
