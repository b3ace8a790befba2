import type { StoredEvent } from '@admissions/event-store';

/** A read-model document; `_position` is the last event folded into it. */
export interface ReadModel {
  _id: string;
  _position?: number;
}

/**
 * A read model: which events it folds, which document(s) an event touches, and how one event
 * changes one document. evolve is pure and gets no `_position`; the runner keeps that. It answers
 * the document it was given, itself, when the event leaves it as it is: nothing is written then.
 */
export interface Projection<D extends ReadModel = ReadModel> {
  readonly name: string;
  readonly handles: readonly string[];
  /** Top-level fields the service looks documents up by, besides _id (equality only). */
  readonly indexes?: readonly string[];
  documentsOf(event: StoredEvent): readonly string[];
  /**
   * Event types that start the documents they touch (the first event of each, under an id no
   * event had before): the live fold inserts those without looking them up first.
   */
  readonly startedBy?: readonly string[];
  evolve(document: D | null, event: StoredEvent, id: string): D;
  /** A read model that holds personal data says how to purge a person's (see PersonErased). */
  readonly erasure?: ReadModelErasure<D>;
}

/**
 * How a person's personal data is purged from a read model when they are erased: the documents
 * that hold it (by an indexed field, dotted paths allowed) and each one without it.
 */
export interface ReadModelErasure<D extends ReadModel = ReadModel> {
  readonly personField: string;
  erase(document: D, personId: string): D;
}
