import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { mongo } from 'mongoose';

import type { Deadline, DeadlineCommand, DeadlineStatus } from './deadline.types';

type Outcome = Exclude<DeadlineStatus, 'PENDING'> | 'SUPERSEDED';

/** Which schedule of a deadline is the current one; replaced by each `schedule`, written by nothing else. */
interface HeadDoc {
  _id: string; // deadline id
  generation: string;
}

/** One schedule of a deadline, inserted once; its status is a listing aid written only by whoever settled it. */
interface ScheduleDoc {
  _id: string; // `${deadlineId}@${generation}`
  deadlineId: string;
  generation: string;
  dueAt: Date;
  command: DeadlineCommand;
  scheduledAt: Date;
  status: DeadlineStatus | 'SUPERSEDED';
}

/** How a schedule ended. Its insert is the claim: the unique _id lets exactly one settler win. */
interface OutcomeDoc {
  _id: string; // same as the schedule's
  outcome: Outcome;
  at: Date;
  lastError?: string;
}

/** A native Db (the platform's MONGO_DB token) or a mongoose Connection. */
export type DeadlineDatabase = Connection | mongo.Db;

/**
 * The deadlines' truth in MongoDB, correct where updates are not atomic (FerretDB): firing,
 * cancelling or failing a deadline is the insert of its outcome under the schedule's _id, so of a
 * job that runs twice, a cancel racing a firing, or two instances, exactly one settles it. A new
 * schedule under the same id is a new document, so nothing settles a later schedule by mistake.
 */
export class DeadlineRepository {
  constructor(
    private readonly database: DeadlineDatabase,
    private readonly collectionName = 'deadlines',
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.schedules().createIndex({ status: 1 }, { name: 'status' });
  }

  /** Writes a new pending schedule and makes it the deadline's current one. */
  async upsertPending(id: string, dueAt: Date, command: DeadlineCommand, scheduledAt: Date): Promise<Deadline> {
    const generation = randomUUID();
    const schedule: ScheduleDoc = {
      _id: scheduleId(id, generation),
      deadlineId: id,
      generation,
      dueAt,
      command,
      scheduledAt,
      status: 'PENDING',
    };
    await this.schedules().insertOne(schedule);
    await this.heads().replaceOne({ _id: id }, { generation }, { upsert: true });
    return toDeadline(schedule, null);
  }

  /** The deadline's current schedule and how it ended, if it did. */
  async find(id: string): Promise<Deadline | null> {
    const head = await this.heads().findOne({ _id: id });
    return head ? this.findSchedule(scheduleId(id, head.generation)) : null;
  }

  /** Answers false when the current schedule was not pending (already settled, or none). */
  async markCancelled(id: string, cancelledAt: Date): Promise<boolean> {
    const current = await this.find(id);
    return current?.status === 'PENDING' && this.settle(current, 'CANCELLED', cancelledAt);
  }

  /** Answers false when another run already settled this schedule. */
  markFired(deadline: Deadline, firedAt: Date): Promise<boolean> {
    return this.settle(deadline, 'FIRED', firedAt);
  }

  markFailed(deadline: Deadline, failedAt: Date, error: string): Promise<boolean> {
    return this.settle(deadline, 'FAILED', failedAt, error);
  }

  /**
   * The current pending schedules (by an equality on an indexed field). Schedules found settled
   * or replaced on the way are marked so, so that the listing stays short.
   */
  async *pending(): AsyncGenerator<Deadline> {
    const listed = await this.schedules().find({ status: 'PENDING' }).toArray();
    listed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const listedSchedule of listed) {
      const deadline = await this.findSchedule(listedSchedule._id);
      if (!deadline) continue;
      if (deadline.status !== 'PENDING') await this.markListed(listedSchedule._id, deadline.status);
      else if (!(await this.isCurrent(deadline))) await this.settle(deadline, 'SUPERSEDED', new Date());
      else yield deadline;
    }
  }

  async duePending(now: Date): Promise<Deadline[]> {
    const due: Deadline[] = [];
    for await (const deadline of this.pending()) if (deadline.dueAt <= now) due.push(deadline);
    return due;
  }

  countPending(): Promise<number> {
    return this.schedules().countDocuments({ status: 'PENDING' });
  }

  async countDuePending(now: Date): Promise<number> {
    return (await this.duePending(now)).length;
  }

  async isCurrent(deadline: Deadline): Promise<boolean> {
    return (await this.heads().findOne({ _id: deadline.id }))?.generation === deadline.generation;
  }

  private async settle(deadline: Deadline, outcome: Outcome, at: Date, lastError?: string): Promise<boolean> {
    const _id = scheduleId(deadline.id, deadline.generation);
    try {
      await this.outcomes().insertOne({ _id, outcome, at, ...(lastError === undefined ? {} : { lastError }) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 11000) return false;
      throw error;
    }
    await this.markListed(_id, outcome);
    return true;
  }

  /** Only the winner of the outcome's insert (or a reconciler writing the same outcome) gets here. */
  private async markListed(_id: string, status: ScheduleDoc['status']): Promise<void> {
    await this.schedules().updateOne({ _id }, { $set: { status } });
  }

  private async findSchedule(_id: string): Promise<Deadline | null> {
    const [schedule, outcome] = await Promise.all([
      this.schedules().findOne({ _id }),
      this.outcomes().findOne({ _id }),
    ]);
    return schedule ? toDeadline(schedule, outcome) : null;
  }

  private heads(): mongo.Collection<HeadDoc> {
    return nativeDb(this.database).collection<HeadDoc>(this.collectionName);
  }

  private schedules(): mongo.Collection<ScheduleDoc> {
    return nativeDb(this.database).collection<ScheduleDoc>(`${this.collectionName}_schedules`);
  }

  private outcomes(): mongo.Collection<OutcomeDoc> {
    return nativeDb(this.database).collection<OutcomeDoc>(`${this.collectionName}_outcomes`);
  }
}

function scheduleId(id: string, generation: string): string {
  return `${id}@${generation}`;
}

function nativeDb(database: DeadlineDatabase): mongo.Db {
  if (database instanceof mongo.Db) return database;
  // A mongoose connection has no Db until it has connected; fail loudly rather than queue.
  const db = database.db;
  if (!db) throw new Error('The Mongo connection for deadlines is not open');
  return db;
}

function toDeadline(schedule: ScheduleDoc, outcome: OutcomeDoc | null): Deadline {
  const status: DeadlineStatus =
    outcome === null ? 'PENDING' : outcome.outcome === 'SUPERSEDED' ? 'CANCELLED' : outcome.outcome;
  const at = outcome?.at;
  return {
    id: schedule.deadlineId,
    generation: schedule.generation,
    dueAt: schedule.dueAt,
    command: schedule.command,
    status,
    scheduledAt: schedule.scheduledAt,
    ...(status === 'FIRED' ? { firedAt: at } : {}),
    ...(status === 'CANCELLED' ? { cancelledAt: at } : {}),
    ...(status === 'FAILED' ? { failedAt: at, lastError: outcome?.lastError } : {}),
  };
}
