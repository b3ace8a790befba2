import type { Readable } from 'node:stream';

/** Where documents' contents live; events carry only the reference this port returns. */
export abstract class DocumentStorage {
  /** Stores the content and returns its reference (opaque to everyone but the adapter). */
  abstract save(content: Buffer, metadata: StoredDocumentMetadata): Promise<string>;
  /** The content at a reference, or undefined when nothing is stored there. */
  abstract open(storageRef: string): Promise<Readable | undefined>;
  /** Removes what a failed attach left behind; removing nothing is not an error. */
  abstract remove(storageRef: string): Promise<void>;
}

export interface StoredDocumentMetadata {
  readonly candidacyId: string;
  readonly documentId: string;
  readonly contentType: string;
  readonly sha256: string;
}
