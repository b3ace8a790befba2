import type { Actor, DomainEvent } from '@admissions/domain-kernel';

/** What the store adds to a domain event when it is appended. */
export interface EventMetadata {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  /** Service-wide order, assigned by the outbox relay; absent until the relay has seen the event. */
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
  position?: number; // first event's position, set by the relay
  lastPosition?: number;
}

export function commitId(streamId: string, version: number): string {
  return `${streamId}@${version}`;
}

/** Unfolds a commit into its events, with their versions and (when assigned) positions. */
export function eventsOfCommit(commit: CommitDocument): StoredEvent[] {
  return commit.events.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: event.eventId,
      streamId: commit.streamId,
      version: commit.version + index,
      ...(commit.position === undefined ? {} : { position: commit.position + index }),
      occurredAt: commit.committedAt.toISOString(),
      correlationId: commit.correlationId,
      ...(commit.causationId === undefined ? {} : { causationId: commit.causationId }),
      actor: commit.actor,
      schemaVersion: event.schemaVersion,
    },
  }));
}
