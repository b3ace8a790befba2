import type { mongo } from 'mongoose';

/**
 * Writes of one bulk write sent per command. FerretDB 1.24 keeps each update's PostgreSQL
 * connection until the whole update command ends (`defer closer.Close()` inside its loop over the
 * updates, internal/handler/msg_update.go), so one command of more updates than its pool holds
 * (pool_max_conns=400 here) waits forever for a connection, holding them all, and the server stops
 * answering every client. A few such commands at once must stay below the pool too.
 */
export const BULK_WRITE_CHUNK = 50;

/** `bulkWrite` in commands of at most BULK_WRITE_CHUNK writes, one after the other. */
export async function bulkWriteInChunks<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  writes: readonly mongo.AnyBulkWriteOperation<D>[],
  options: mongo.BulkWriteOptions,
): Promise<void> {
  for (let start = 0; start < writes.length; start += BULK_WRITE_CHUNK) {
    await collection.bulkWrite(writes.slice(start, start + BULK_WRITE_CHUNK), options);
  }
}
