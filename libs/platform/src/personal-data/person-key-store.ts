/** What destroying a person's key found: done now, done before (erasure is idempotent), or no such person. */
export type KeyDestruction = 'destroyed' | 'already-erased' | 'unknown';

/**
 * Where the data keys of persons live: a MongoDB collection here (MongoPersonKeyStore), a KMS or
 * Vault in production (docs/security.md). A store that does not answer throws an error that
 * isDependencyUnavailable recognises, so a command needing a key answers 503.
 */
export interface PersonKeyStore {
  /** The person's key, created on first use; refused (IllegalStateError) once they are erased. */
  keyFor(personId: string): Promise<Buffer>;
  /** The person's key, or nothing: never created, or destroyed. */
  find(personId: string): Promise<Buffer | undefined>;
  destroy(personId: string, reason: string, at: Date): Promise<KeyDestruction>;
}
