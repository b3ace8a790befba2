import type { Readable } from 'node:stream';

/** Where documents' contents live; events carry only the reference this port returns. */
export abstract class DocumentStorage {
  /** Stores the content and returns its reference (opaque to everyone but the adapter). */
  abstract save(content: Buffer, metadata: StoredDocumentMetadata): Promise<string>;
  /** What is stored at a reference (not its content), or undefined when nothing is. */
  abstract describe(storageRef: string): Promise<StoredDocument | undefined>;
  /** The content at a reference, or undefined when nothing is stored there. */
  abstract open(storageRef: string): Promise<Readable | undefined>;
  /** Removes what a failed attach left behind; removing nothing is not an error. */
  abstract remove(storageRef: string): Promise<void>;
  /** Removes every document of a person (their erasure); returns how many there were. */
  abstract removeOwnedBy(ownerId: string): Promise<number>;
}

export interface StoredDocumentMetadata {
  /** The person the document belongs to (a candidate's id): who may use its reference. */
  readonly ownerId: string;
  /** A display name only; the adapter reduces it to a basename and never uses it as a path. */
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
}

export interface StoredDocument extends StoredDocumentMetadata {
  readonly storageRef: string;
  readonly sizeBytes: number;
}
