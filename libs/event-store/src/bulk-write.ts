import { settleAll } from '@admissions/domain-kernel';
import type { mongo } from 'mongoose';
import { isDuplicateKey } from './event-store';

/**
 * Writes of one bulk write sent per command. FerretDB 1.24 keeps each update's PostgreSQL
 * connection until the whole update command ends (`defer closer.Close()` inside its loop over the
 * updates, internal/handler/msg_update.go), so one command of more updates than its pool holds
 * (pool_max_conns=400 here) waits forever for a connection, holding them all, and the server stops
 * answering every client. The commands in flight at once, over every service, must stay below it.
 */
export const BULK_WRITE_CHUNK = 16;

/**
 * Commands of one `bulkWriteInChunks` in flight at once: at most 64 PostgreSQL connections per
 * call, so five services folding at once hold 320. FerretDB replaced 2,000 documents at 520–590/s
 * one command at a time (chunks of 10, 25 or 50 alike) and at 880–1,090/s four at a time
 * (a scratch run on the local servers, 2026-12-04; eight at a time was no faster).
 */
export const BULK_WRITES_AT_ONCE = 4;

/**
 * `bulkWrite` of writes to distinct documents, in commands of at most BULK_WRITE_CHUNK writes, a
 * few at once. Once one fails no further command is sent; it returns (or throws the first failure)
 * when none is in flight any more.
 */
export async function bulkWriteInChunks<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  writes: readonly mongo.AnyBulkWriteOperation<D>[],
  options: mongo.BulkWriteOptions,
): Promise<void> {
  let next = 0;
  let failed = false;
  const sendInTurn = async (): Promise<void> => {
    while (!failed && next < writes.length) {
      const chunk = writes.slice(next, next + BULK_WRITE_CHUNK);
      next += BULK_WRITE_CHUNK;
      try {
        await collection.bulkWrite(chunk, options);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const senders = Math.min(BULK_WRITES_AT_ONCE, Math.ceil(writes.length / BULK_WRITE_CHUNK));
  await settleAll(Array.from({ length: senders }, sendInTurn));
}

/**
 * Inserts documents of distinct ids, unordered: each is written unless its _id is already stored.
 * Answers the indexes of those already stored (another writer's, or a claim already made); any
 * other failure throws. An insert with a unique _id is the one write FerretDB makes atomic.
 */
export async function insertAbsent<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  documents: readonly mongo.OptionalUnlessRequiredId<D>[],
): Promise<number[]> {
  if (documents.length === 0) return [];
  try {
    await collection.insertMany([...documents], { ordered: false });
    return [];
  } catch (error) {
    const stored = duplicateKeyIndexes(error, documents.length);
    if (stored === undefined) throw error;
    return stored;
  }
}

/**
 * The writes of a bulk write of `writes` writes that failed on a duplicate _id alone; undefined for
 * any other failure.
 */
export function duplicateKeyIndexes(error: unknown, writes: number): number[] | undefined {
  // The driver reports one write error or a list of them; a server may answer a one-write command
  // with the error alone.
  const reported = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const failures = (reported === undefined ? [] : [reported].flat()) as { code?: unknown; index?: unknown }[];
  if (failures.length === 0) return writes === 1 && isDuplicateKey(error) ? [0] : undefined;
  if (!failures.every(isDuplicateKey)) return undefined;
  return failures.map((failure) => Number(failure.index));
}
