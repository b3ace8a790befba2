import { isDuplicateKey, type CommitDocument, type EventStore, type LogDocument } from '@admissions/event-store';
import type { mongo } from 'mongoose';
import { toCloudEventMessage } from './cloud-event';
import { Lease } from './lease';
import type { MessagePublisher } from './message-bus.port';

export interface RelayOptions {
  readonly topic: string;
  readonly source: string; // CloudEvents source, e.g. /admissions/candidacy
  readonly instanceId: string;
  readonly batchSize?: number;
  readonly pollMs?: number;
  readonly leaseTtlMs?: number;
}

export interface RelayLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface RelayObserver {
  published?(count: number, oldestCommittedAt: Date): void;
}

/** An outbox entry whose commit has not appeared by then belongs to a writer that died. */
const ORPHAN_AFTER_MS = 60_000;

interface CheckpointDocument {
  _id: string;
  position: number;
}

/**
 * The outbox relay. The lease holder logs the commits of new outbox entries as a batch of
 * consecutive service-wide positions (in version order within a stream), then publishes what is
 * logged past its checkpoint and moves the checkpoint only after the broker acknowledged. A crash
 * or a broker outage therefore delays events but loses none; a redelivery is possible, and
 * consumers are idempotent.
 */
export class OutboxRelay {
  private readonly checkpoints: mongo.Collection<CheckpointDocument>;
  private readonly lease: Lease;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private nextPosition?: number;
  /** The commits of the batch this relay logged last: publishing it needs no second read. */
  private justLogged = new Map<string, CommitDocument>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private leaseTimer?: NodeJS.Timeout;
  private leader = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: EventStore,
    db: mongo.Db,
    private readonly publisher: MessagePublisher,
    private readonly options: RelayOptions,
    private readonly logger: RelayLogger,
    private readonly observer: RelayObserver = {},
  ) {
    this.checkpoints = db.collection<CheckpointDocument>('es_relay_checkpoints');
    this.lease = new Lease(db, `relay:${options.topic}`, options.instanceId, options.leaseTtlMs);
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 200;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onAppended(() => this.wake?.());
    const renew = async () => {
      this.leader = await this.lease.acquire().catch(() => false);
      if (!this.leader) this.nextPosition = undefined;
    };
    this.leaseTimer = setInterval(() => void renew(), Math.max(500, (this.options.leaseTtlMs ?? 10_000) / 4));
    this.loop = renew().then(() => this.run());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    clearInterval(this.leaseTimer);
    this.wake?.();
    await this.loop;
    if (this.leader) await this.lease.release().catch(() => undefined);
    this.leader = false;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let worked = false;
      try {
        if (this.leader) worked = (await this.relayOnce()) > 0;
        failures = 0;
      } catch (error) {
        failures += 1;
        this.nextPosition = undefined;
        this.logger.warn('outbox relay: will retry', { error: String(error), failures });
      }
      if (!worked && this.running) await this.idle(failures === 0 ? this.pollMs : Math.min(5000, 100 * 2 ** failures));
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One round: log new commits with positions, publish a batch; returns how many events were published. */
  async relayOnce(): Promise<number> {
    if (this.nextPosition === undefined) this.nextPosition = await this.resume();
    await this.logPending();
    return this.publishBatch();
  }

  /**
   * Picks up where the last leader stopped: the last logged batch may still have outbox entries
   * (a crash between logging and clearing them), which must not be logged twice.
   */
  private async resume(): Promise<number> {
    const [last] = await this.store.log.find({}).sort({ _id: -1 }).limit(1).toArray();
    if (!last) return 1;
    await this.clearOutbox(last.commits.map((c) => c.commitId));
    return last.lastPosition + 1;
  }

  private async clearOutbox(commitIds: readonly string[]): Promise<void> {
    if (commitIds.length > 0) await this.store.outbox.deleteMany({ commitId: { $in: [...commitIds] } });
  }

  private async logPending(): Promise<void> {
    // The outbox holds only what is not logged yet, so it stays small even while the broker is down.
    const entries = await this.store.outbox
      .find({})
      .sort({ queuedAt: 1 })
      .limit(this.batchSize * 10)
      .toArray();
    if (entries.length === 0) return;
    const found = await this.store.commits.find({ _id: { $in: entries.map((e) => e.commitId) } }).toArray();
    const commits = new Map(found.map((commit) => [commit._id, commit]));
    const orphanBefore = Date.now() - ORPHAN_AFTER_MS;
    const ready: CommitDocument[] = [];
    const orphans: string[] = [];
    for (const entry of entries) {
      const commit = commits.get(entry.commitId);
      if (commit?.events[0]?.eventId === entry._id) ready.push(commit);
      else if (commit || entry.queuedAt.getTime() < orphanBefore) orphans.push(entry._id); // a lost race, or a writer that died
    }
    if (orphans.length > 0) await this.store.outbox.deleteMany({ _id: { $in: orphans } });
    if (ready.length === 0) return;
    const ordered = inStreamOrder(ready);
    const first = this.nextPosition ?? 1;
    const count = ordered.reduce((sum, commit) => sum + commit.events.length, 0);
    const batch: LogDocument = {
      _id: first,
      lastPosition: first + count - 1,
      commits: ordered.map((commit) => ({ commitId: commit._id, count: commit.events.length })),
    };
    try {
      await this.store.log.insertOne(batch);
    } catch (error) {
      this.nextPosition = undefined; // another relay logged these positions: re-read before going on
      if (isDuplicateKey(error)) throw new Error('another relay is logging positions');
      throw error;
    }
    this.nextPosition = batch.lastPosition + 1;
    this.justLogged = new Map(ordered.map((commit) => [commit._id, commit]));
    await this.clearOutbox(batch.commits.map((c) => c.commitId));
  }

  private async publishBatch(): Promise<number> {
    const checkpoint = (await this.checkpoints.findOne({ _id: this.options.topic }))?.position ?? 0;
    const batches = await this.store.log
      .find({ lastPosition: { $gt: checkpoint } })
      .sort({ _id: 1 })
      .limit(1)
      .toArray();
    const events = (await this.store.eventsOfBatches(batches, this.justLogged)).filter(
      (e) => (e.metadata.position ?? 0) > checkpoint,
    );
    if (events.length === 0) return 0;
    await this.publisher.publish(
      this.options.topic,
      events.map((event) => toCloudEventMessage(event, this.options.source)),
    );
    const reached = batches[batches.length - 1].lastPosition;
    await this.checkpoints.updateOne({ _id: this.options.topic }, { $set: { position: reached } }, { upsert: true });
    this.observer.published?.(events.length, new Date(events[0].metadata.occurredAt));
    return events.length;
  }

  /** Events appended but not yet acknowledged by the broker. */
  async backlog(): Promise<number> {
    const checkpoint = (await this.checkpoints.findOne({ _id: this.options.topic }))?.position ?? 0;
    const [queued, [last]] = await Promise.all([
      this.store.outbox.countDocuments({}),
      this.store.log.find({}).sort({ _id: -1 }).limit(1).toArray(),
    ]);
    return queued + Math.max(0, (last?.lastPosition ?? 0) - checkpoint);
  }
}

/** Keeps the slots of the committedAt order but fills each stream's slots in version order. */
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
