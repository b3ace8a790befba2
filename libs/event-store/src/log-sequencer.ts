import type { CommitDocument, LogCursor, LogDocument } from './event';
import { isDuplicateKey, type EventStore } from './event-store';
import { LegacyOutbox } from './legacy-outbox';

export interface SequencerOptions {
  /** Commits per log batch: a round logs every pending commit, in as many batches as it takes. */
  readonly batchSize?: number;
  /** An entry of the earlier version's outbox whose commit has not appeared by then belongs to a writer that died. */
  readonly orphanAfterMs?: number;
}

type LoggedListener = (batch: LogDocument) => void;

/**
 * Gives appended commits their service-wide positions: takes the commits still marked pending (the
 * outbox: only what is in flight carries the mark), orders each stream's commits by version and
 * inserts them as the next numbered log batch, then removes their mark. The insert of the batch's
 * unique number is the only coordination, so two sequencers can never give the same position
 * twice; the service's lease only keeps them from contending.
 */
export class LogSequencer {
  private head?: LogCursor;
  private readonly listeners = new Set<LoggedListener>();
  private readonly batchSize: number;
  private readonly legacyOutbox: LegacyOutbox;

  constructor(
    private readonly store: EventStore,
    options: SequencerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.legacyOutbox = new LegacyOutbox(store, options.orphanAfterMs ?? 60_000);
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
    this.legacyOutbox.lookSoon();
  }

  /** One round; returns how many commits (and earlier-version outbox entries) it settled: 0 = nothing to do. */
  async sequence(): Promise<number> {
    this.head ??= await this.resume();
    const adopted = await this.legacyOutbox.adopt();
    const commits = inStreamOrder(await this.store.pendingCommits());
    for (let from = 0; from < commits.length && this.head; from += this.batchSize)
      await this.log(commits.slice(from, from + this.batchSize), this.head);
    return adopted + commits.length;
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
    try {
      await this.store.markLogged(commits.map((commit) => commit._id));
      this.head = { batch: batch._id, position: batch.lastPosition };
    } catch (error) {
      // The batch is logged but its commits are still marked: the next round resumes from the
      // log's head, which unmarks them, rather than logging them a second time.
      this.head = undefined;
      throw error;
    } finally {
      for (const listener of this.listeners) listener(batch);
    }
  }

  /**
   * Finds the head of the log. Its last batch may still have commits marked pending (a sequencer
   * that stopped between logging and unmarking them): they must not be logged twice.
   */
  private async resume(): Promise<LogCursor> {
    const head = await this.store.logHead(this.head);
    const last = head.batch > 0 ? await this.store.log.findOne({ _id: head.batch }) : null;
    if (last) {
      await this.store.markLogged(last.commits.map((commit) => commit._id));
      await this.legacyOutbox.forget(last);
    }
    this.legacyOutbox.lookSoon();
    this.store.knowLogHead(head.batch);
    return head;
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
