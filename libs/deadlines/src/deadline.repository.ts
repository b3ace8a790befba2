import {
  BULK_WRITE_CHUNK,
  bulkWriteInChunks,
  duplicateKeyIndexes,
  insertAbsent,
  isDuplicateKey,
} from '@admissions/event-store';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { mongo } from 'mongoose';

import type { Deadline, DeadlineCommand, DeadlineRequest, DeadlineStatus } from './deadline.types';

type Outcome = Exclude<DeadlineStatus, 'PENDING'> | 'SUPERSEDED';

/** Deadlines looked at side by side (checking a listed schedule, promoting a job): a few round trips each. */
export const DEADLINES_AT_ONCE = 32;

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
    const [deadline] = await this.upsertManyPending([{ deadlineId: id, dueAt, command }], scheduledAt);
    return deadline;
  }

  /**
   * `upsertPending` for many deadlines of distinct ids in two round trips, whatever their count:
   * one insert of the schedules, then one bulk write of the heads.
   */
  async upsertManyPending(requests: readonly DeadlineRequest[], scheduledAt: Date): Promise<Deadline[]> {
    if (requests.length === 0) return [];
    const schedules = requests.map(({ deadlineId, dueAt, command }): ScheduleDoc => {
      const generation = randomUUID();
      return {
        _id: scheduleId(deadlineId, generation),
        deadlineId,
        generation,
        dueAt,
        command,
        scheduledAt,
        status: 'PENDING',
      };
    });
    await this.schedules().insertMany(schedules, { ordered: false });
    await this.replaceHeads(schedules);
    return schedules.map((schedule) => toDeadline(schedule, null));
  }

  private async replaceHeads(schedules: readonly ScheduleDoc[]): Promise<void> {
    const heads = schedules.map(({ deadlineId, generation }) => ({ _id: deadlineId, generation }));
    for (let start = 0; start < heads.length; start += BULK_WRITE_CHUNK)
      await this.replaceHeadsOnce(heads.slice(start, start + BULK_WRITE_CHUNK));
  }

  /** One update command (FerretDB holds a connection per update until the command ends: see BULK_WRITE_CHUNK). */
  private async replaceHeadsOnce(heads: readonly HeadDoc[]): Promise<void> {
    try {
      await this.heads().bulkWrite(
        heads.map(({ _id, generation }) => ({
          replaceOne: { filter: { _id }, replacement: { generation }, upsert: true },
        })),
        { ordered: false },
      );
    } catch (error) {
      // Two schedules of one new deadline at once (FerretDB's upsert is not atomic): the loser
      // of the insert replaces the head the winner wrote; either schedule is the same deadline.
      const lost = duplicateKeyIndexes(error, heads.length);
      if (lost === undefined) throw error;
      for (const index of lost)
        await this.heads().replaceOne({ _id: heads[index]._id }, { generation: heads[index].generation });
    }
  }

  /** The deadline's current schedule and how it ended, if it did. */
  async find(id: string): Promise<Deadline | null> {
    const head = await this.heads().findOne({ _id: id });
    return head ? this.findSchedule(scheduleId(id, head.generation)) : null;
  }

  /** Answers false when the current schedule was not pending (already settled, or none). */
  async markCancelled(id: string, cancelledAt: Date): Promise<boolean> {
    return (await this.markManyCancelled([id], cancelledAt)).length === 1;
  }

  /**
   * `markCancelled` for many deadlines in a few round trips: their current schedules read a few
   * dozen at a time, their outcomes inserted at once (a schedule already settled keeps its outcome),
   * the listing marked in bulk. Answers the schedules it cancelled.
   */
  async markManyCancelled(ids: readonly string[], cancelledAt: Date): Promise<Deadline[]> {
    const current: ScheduleDoc[] = [];
    for (let from = 0; from < ids.length; from += DEADLINES_AT_ONCE) {
      const chunk = ids.slice(from, from + DEADLINES_AT_ONCE);
      const found = await Promise.all(chunk.map((id) => this.currentSchedule(id)));
      current.push(...found.filter((schedule): schedule is ScheduleDoc => schedule !== null));
    }
    if (current.length === 0) return [];
    const lost = new Set(
      await insertAbsent(
        this.outcomes(),
        current.map(({ _id }) => ({ _id, outcome: 'CANCELLED' as const, at: cancelledAt })),
      ),
    );
    const cancelled = current.filter((_, index) => !lost.has(index));
    await bulkWriteInChunks(
      this.schedules(),
      cancelled.map(({ _id }) => ({ updateOne: { filter: { _id }, update: { $set: { status: 'CANCELLED' } } } })),
      { ordered: false },
    );
    return cancelled.map((schedule) => toDeadline(schedule, null));
  }

  private async currentSchedule(id: string): Promise<ScheduleDoc | null> {
    const head = await this.heads().findOne({ _id: id });
    return head && this.schedules().findOne({ _id: scheduleId(id, head.generation) });
  }

  /** Answers false when another run already settled this schedule. */
  markFired(deadline: Deadline, firedAt: Date): Promise<boolean> {
    return this.settle(deadline, 'FIRED', firedAt);
  }

  markFailed(deadline: Deadline, failedAt: Date, error: string): Promise<boolean> {
    return this.settle(deadline, 'FAILED', failedAt, error);
  }

  /**
   * The current pending schedules (by an equality on an indexed field), soonest due first.
   * Schedules found settled or replaced on the way are marked so, so that the listing stays short.
   * They are checked a few dozen at a time, not one by one: a storm of 10,000 due at once lists
   * 10,000 of them.
   */
  async *pending(): AsyncGenerator<Deadline> {
    const listed = await this.listed();
    for (let from = 0; from < listed.length; from += DEADLINES_AT_ONCE) {
      const chunk = listed.slice(from, from + DEADLINES_AT_ONCE);
      const checked = await Promise.all(chunk.map((schedule) => this.stillPending(schedule._id)));
      for (const deadline of checked) if (deadline !== undefined) yield deadline;
    }
  }

  /** The listed schedule when it is still the deadline's current one and pending; else marks it. */
  private async stillPending(id: string): Promise<Deadline | undefined> {
    const deadline = await this.findSchedule(id);
    if (!deadline) return undefined;
    if (deadline.status !== 'PENDING') await this.markListed(id, deadline.status);
    else if (!(await this.isCurrent(deadline))) await this.settle(deadline, 'SUPERSEDED', new Date());
    else return deadline;
    return undefined;
  }

  /**
   * The schedules listed pending and due by `now`, soonest first, as listed (one query): the
   * listing is an aid, so one may have been settled or replaced since, which its job finds out
   * when it runs (it reads the deadline again, as every run does).
   */
  async listedDue(now: Date): Promise<Deadline[]> {
    const listed = await this.listed();
    return listed.filter((schedule) => schedule.dueAt <= now).map((schedule) => toDeadline(schedule, null));
  }

  /** The schedules listed pending (an equality on an indexed field), soonest due first. */
  private async listed(): Promise<ScheduleDoc[]> {
    const listed = await this.schedules().find({ status: 'PENDING' }).toArray();
    return listed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
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
      if (isDuplicateKey(error)) return false;
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
