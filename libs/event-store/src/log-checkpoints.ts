import type { mongo } from 'mongoose';
import { LOG_START, type LogCursor } from './event';
import type { Leadership } from './lease';

interface CheckpointDocument extends LogCursor {
  _id: string;
}

/**
 * Where each reader of the log stands, one document per reader. Only the lease holder moves a
 * checkpoint, and only while its lease is current: a holder paused past its lease moves nothing.
 */
export class LogCheckpoints {
  private readonly checkpoints: mongo.Collection<CheckpointDocument>;

  constructor(
    db: mongo.Db,
    collectionName: string,
    private readonly leadership: Leadership,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(collectionName);
  }

  async load(reader: string): Promise<LogCursor> {
    const saved = await this.checkpoints.findOne({ _id: reader });
    return saved ? { batch: saved.batch, position: saved.position } : LOG_START;
  }

  /** Moves the checkpoint; false (nothing written) when another instance has taken the lease over. */
  save(reader: string, reached: LogCursor): Promise<boolean> {
    return this.saveAll([[reader, reached]]);
  }

  /** Moves several readers' checkpoints in one command, on one look at the lease. */
  async saveAll(moves: readonly (readonly [reader: string, reached: LogCursor])[]): Promise<boolean> {
    if (!(await this.leadership.isCurrent())) return false;
    await this.checkpoints.bulkWrite(
      moves.map(([reader, reached]) => ({
        updateOne: { filter: { _id: reader }, update: { $set: reached }, upsert: true },
      })),
      { ordered: false },
    );
    return true;
  }

  async forget(reader: string): Promise<void> {
    await this.checkpoints.deleteOne({ _id: reader });
  }
}
