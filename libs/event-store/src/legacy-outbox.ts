import type { LogDocument } from './event';
import type { EventStore } from './event-store';

/** How often the lease holder looks for entries of the earlier version: during a rolling upgrade, and after. */
const LOOK_EVERY_MS = 30_000;
const ENTRIES_PER_LOOK = 500;

/**
 * The outbox of the versions before commits carried their own `pending` mark: one entry per append,
 * inserted before its commit and deleted once the commit was logged. While such a version still runs
 * beside this one (a rolling upgrade), or left entries queued when it stopped, the sequencer adopts
 * them: it marks their commits pending, then deletes the entries. A commit without the mark is
 * otherwise logged already, so an entry is adopted only before any round that logs: after a failed
 * adoption, the next round adopts again first.
 */
export class LegacyOutbox {
  private lookedAt = 0;
  private mustLook = true;

  constructor(
    private readonly store: EventStore,
    /** An entry whose commit has not appeared by then belongs to a writer that died. */
    private readonly orphanAfterMs: number,
  ) {}

  /** Look at the next round, whatever the time: the lease changed hands. */
  lookSoon(): void {
    this.mustLook = true;
  }

  /** The entries of a batch already logged (a sequencer stopped before deleting them) are done. */
  async forget(batch: LogDocument): Promise<void> {
    await this.delete(batch.commits.map((commit) => commit.events[0].eventId));
  }

  /** Adopts what is queued, at most every 30 s; returns how many entries it settled. */
  async adopt(): Promise<number> {
    if (!this.mustLook && Date.now() - this.lookedAt < LOOK_EVERY_MS) return 0;
    this.mustLook = true;
    const entries = await this.store.legacyOutbox.find({}).limit(ENTRIES_PER_LOOK).toArray();
    const commits = await Promise.all(
      entries.map((entry) =>
        this.store.commits.findOne({ _id: entry.commitId }, { projection: { 'events.eventId': 1 } }),
      ),
    );
    const orphanBefore = Date.now() - this.orphanAfterMs;
    const adopted: string[] = [];
    const settled: string[] = [];
    entries.forEach((entry, index) => {
      const commit = commits[index];
      if (commit?.events[0]?.eventId === entry._id) adopted.push(entry.commitId);
      // A writer that lost the race for its version, or died before inserting its commit.
      if (commit || entry.queuedAt.getTime() < orphanBefore) settled.push(entry._id);
    });
    // One update by _id each: FerretDB pushes no `$in` down, and would scan every commit.
    await Promise.all(adopted.map((id) => this.store.commits.updateOne({ _id: id }, { $set: { pending: true } })));
    await this.delete(settled);
    this.mustLook = false;
    this.lookedAt = Date.now();
    return settled.length;
  }

  private async delete(entryIds: readonly string[]): Promise<void> {
    if (entryIds.length > 0) await this.store.legacyOutbox.deleteMany({ _id: { $in: [...entryIds] } });
  }
}
