import type { Connection } from 'mongoose';
import { mongo } from 'mongoose';

import type { Deadline, DeadlineCommand, DeadlineStatus } from './deadline.types';

interface DeadlineDoc {
  _id: string;
  dueAt: Date;
  command: DeadlineCommand;
  status: DeadlineStatus;
  scheduledAt: Date;
  firedAt?: Date;
  cancelledAt?: Date;
  failedAt?: Date;
  lastError?: string;
}

/** A mongoose Connection (the MONGO_CONNECTION token) or a native Db. */
export type DeadlineDatabase = Connection | mongo.Db;

/**
 * The deadlines read model in Mongo. Status changes are conditional updates on the current
 * status (and dueAt), so a job that runs twice or a stale job cannot overwrite a newer decision.
 * Only plain queries and one compound index: production runs FerretDB (no TTL/partial indexes).
 */
export class DeadlineRepository {
  constructor(
    private readonly database: DeadlineDatabase,
    private readonly collectionName = 'deadlines',
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.collection().createIndex({ status: 1, dueAt: 1 });
  }

  /** Writes the deadline as PENDING, replacing whatever was scheduled under that id before. */
  async upsertPending(id: string, dueAt: Date, command: DeadlineCommand, scheduledAt: Date): Promise<Deadline> {
    const doc: DeadlineDoc = {
      _id: id,
      dueAt,
      command,
      status: 'PENDING',
      scheduledAt,
    };
    await this.collection().replaceOne({ _id: id }, doc, { upsert: true });
    return toDeadline(doc);
  }

  async find(id: string): Promise<Deadline | null> {
    const doc = await this.collection().findOne({ _id: id });
    return doc ? toDeadline(doc) : null;
  }

  /** Answers false when the deadline was not pending (already cancelled, fired or unknown). */
  async markCancelled(id: string, cancelledAt: Date): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, status: 'PENDING' },
      { $set: { status: 'CANCELLED', cancelledAt } },
    );
    return result.matchedCount === 1;
  }

  /** Answers false when another run already settled this deadline, or it was rescheduled. */
  async markFired(id: string, dueAt: Date, firedAt: Date): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, status: 'PENDING', dueAt },
      { $set: { status: 'FIRED', firedAt } },
    );
    return result.matchedCount === 1;
  }

  async markFailed(id: string, dueAt: Date, failedAt: Date, error: string): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, status: 'PENDING', dueAt },
      { $set: { status: 'FAILED', failedAt, lastError: error } },
    );
    return result.matchedCount === 1;
  }

  async *pending(): AsyncGenerator<Deadline> {
    const cursor = this.collection().find({ status: 'PENDING' }).sort({ dueAt: 1 });
    for await (const doc of cursor) yield toDeadline(doc);
  }

  async duePending(now: Date): Promise<Deadline[]> {
    const docs = await this.collection()
      .find({ status: 'PENDING', dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .toArray();
    return docs.map(toDeadline);
  }

  countPending(): Promise<number> {
    return this.collection().countDocuments({ status: 'PENDING' });
  }

  countDuePending(now: Date): Promise<number> {
    return this.collection().countDocuments({
      status: 'PENDING',
      dueAt: { $lte: now },
    });
  }

  private collection(): mongo.Collection<DeadlineDoc> {
    return nativeDb(this.database).collection<DeadlineDoc>(this.collectionName);
  }
}

function nativeDb(database: DeadlineDatabase): mongo.Db {
  if (database instanceof mongo.Db) return database;
  // A mongoose connection has no Db until it has connected; fail loudly rather than queue.
  const db = database.db;
  if (!db) throw new Error('The Mongo connection for deadlines is not open');
  return db;
}

function toDeadline(doc: DeadlineDoc): Deadline {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}
