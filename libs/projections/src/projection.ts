import type { StoredEvent } from '@admissions/event-store';

/** A read-model document; `_position` is the last event folded into it. */
export interface ReadModel {
  _id: string;
  _position?: number;
}

/**
 * A read model: which events it folds, which document(s) an event touches, and how one event
 * changes one document. evolve is pure and gets no `_position`; the runner keeps that.
 */
export interface Projection<D extends ReadModel = ReadModel> {
  readonly name: string;
  readonly handles: readonly string[];
  /** Top-level fields the service looks documents up by, besides _id (equality only). */
  readonly indexes?: readonly string[];
  documentsOf(event: StoredEvent): readonly string[];
  evolve(document: D | null, event: StoredEvent, id: string): D;
}
