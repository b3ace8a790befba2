import type { CommitDocument, LogCursor, LogDocument, OutboxDocument } from './event';
import { isDuplicateKey, type EventStore } from './event-store';

export interface SequencerOptions {
  /** Outbox entries taken per round. */
  readonly batchSize?: number;
  /** An outbox entry whose commit has not appeared by then belongs to a writer that died. */
  readonly orphanAfterMs?: number;
}

type LoggedListener = (batch: LogDocument) => void;

/** Commits appended in this process and not yet logged, kept so a round need not read them again. */
const MAX_REMEMBERED = 10_000;

/**
 * Gives appended commits their service-wide positions: takes the outbox (a queue of appends not
 * yet logged, read whole: it holds only what is in flight), orders each stream's commits by version
 * and inserts them as the next numbered log batch, then clears their outbox entries. The insert
 * of the batch's unique number is the only coordination, so two sequencers can never give the same
 * position twice; the service's lease only keeps them from contending.
 */
export class LogSequencer {
  private head?: LogCursor;
  private readonly appended = new Map<string, CommitDocument>();
  private readonly listeners = new Set<LoggedListener>();
  private readonly batchSize: number;
  private readonly orphanAfterMs: number;

  constructor(
    private readonly store: EventStore,
    options: SequencerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.orphanAfterMs = options.orphanAfterMs ?? 60_000;
    store.onAppended((commit) => {
      if (this.appended.size >= MAX_REMEMBERED) this.appended.clear(); // the outbox still has them
      this.appended.set(commit._id, commit);
    });
  }

  /** Tells in-process readers (relay, projections) that a batch was logged, at once. */
  onLogged(listener: LoggedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * This instance has just taken the lease: another may have logged meanwhile, so the head it
   * remembers, and the store's readers with it, must look again.
   */
  leadershipGained(): void {
    this.head = undefined;
    this.store.knowLogHead(undefined);
  }

  /** One round; returns how many outbox entries it settled (0 = nothing to do). */
  async sequence(): Promise<number> {
    this.head ??= await this.resume();
    const entries = await this.store.outbox.find({}).sort({ queuedAt: 1 }).limit(this.batchSize).toArray();
    if (entries.length === 0) return 0;
    const commits = await Promise.all(entries.map((entry) => this.commitOf(entry)));
    const orphanBefore = Date.now() - this.orphanAfterMs;
    const ready: CommitDocument[] = [];
    const orphans: string[] = [];
    entries.forEach((entry, index) => {
      const commit = commits[index];
      if (commit?.events[0]?.eventId === entry._id) ready.push(commit);
      else if (commit || entry.queuedAt.getTime() < orphanBefore) orphans.push(entry._id); // a lost race, or a writer that died
    });
    await this.clear(orphans);
    if (ready.length > 0) await this.log(inStreamOrder(ready), this.head);
    return ready.length + orphans.length;
  }

  private async log(commits: CommitDocument[], head: LogCursor): Promise<void> {
    const count = commits.reduce((sum, commit) => sum + commit.events.length, 0);
    const batch: LogDocument = {
      _id: head.batch + 1,
      firstPosition: head.position + 1,
      lastPosition: head.position + count,
      commits,
    };
    try {
      await this.store.log.insertOne(batch);
    } catch (error) {
      // Another sequencer logged this batch number: find the head again, and the readers too.
      this.head = undefined;
      this.store.knowLogHead(undefined);
      if (isDuplicateKey(error)) return;
      throw error;
    }
    this.store.knowLogHead(batch._id);
    this.store.remember(batch);
    for (const commit of commits) this.appended.delete(commit._id);
    // The readers need only the batch: they go on while its outbox entries are cleared.
    for (const listener of this.listeners) listener(batch);
    try {
      await this.clear(commits.map((commit) => commit.events[0].eventId));
      this.head = { batch: batch._id, position: batch.lastPosition };
    } catch (error) {
      // The batch is logged but its entries are still queued: the next round resumes from the
      // log's head, which clears them, rather than logging them a second time.
      this.head = undefined;
      throw error;
    }
  }

  /**
   * Finds the head of the log. Its last batch may still have outbox entries (a sequencer that
   * stopped between logging and clearing them): they must not be logged twice.
   */
  private async resume(): Promise<LogCursor> {
    const head = await this.store.logHead(this.head);
    const last = head.batch > 0 ? await this.store.log.findOne({ _id: head.batch }) : null;
    if (last) await this.clear(last.commits.map((commit) => commit.events[0].eventId));
    this.store.knowLogHead(head.batch);
    return head;
  }

  private commitOf(entry: OutboxDocument): Promise<CommitDocument | null> | CommitDocument {
    return this.appended.get(entry.commitId) ?? this.store.commits.findOne({ _id: entry.commitId });
  }

  /** One delete for the lot: the outbox is a queue of what is in flight, so even a scan of it is short. */
  private async clear(entryIds: readonly string[]): Promise<void> {
    if (entryIds.length > 0) await this.store.outbox.deleteMany({ _id: { $in: [...entryIds] } });
  }
}

/** Keeps the slots of the outbox order but fills each stream's slots in version order. */
function inStreamOrder(commits: CommitDocument[]): CommitDocument[] {
  const byStream = new Map<string, CommitDocument[]>();
  for (const commit of commits) {
    const list = byStream.get(commit.streamId) ?? [];
    list.push(commit);
    byStream.set(commit.streamId, list);
  }
  for (const list of byStream.values()) list.sort((a, b) => a.version - b.version);
  return commits.map((commit) => byStream.get(commit.streamId)?.shift() ?? commit);
}
