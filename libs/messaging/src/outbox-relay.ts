import type { CommitDocument, EventStore } from '@admissions/event-store';
import { eventsOfCommit } from '@admissions/event-store';
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

interface CheckpointDocument {
  _id: string;
  position: number;
}

/**
 * The outbox relay. The commits collection is the outbox: whatever was appended is published.
 * The lease holder gives new commits their service-wide positions (in version order within a
 * stream), then publishes everything past its checkpoint and moves the checkpoint only after the
 * broker acknowledged. A crash or a broker outage therefore delays events but loses none.
 */
export class OutboxRelay {
  private readonly checkpoints: mongo.Collection<CheckpointDocument>;
  private readonly lease: Lease;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private nextPosition?: number;
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

  /** One round: position new commits, publish a batch; returns how many events were published. */
  async relayOnce(): Promise<number> {
    await this.assignPositions();
    return this.publishBatch();
  }

  private async assignPositions(): Promise<void> {
    const commits = this.store.commits;
    const fresh = await commits
      .find({ position: { $exists: false } }, { projection: { streamId: 1 } })
      .sort({ committedAt: 1 })
      .limit(this.batchSize)
      .toArray();
    if (fresh.length === 0) return;
    // Take every unpositioned commit of these streams, so an earlier version is never left behind.
    const streams = [...new Set(fresh.map((c) => c.streamId))];
    const pending = await commits
      .find({ streamId: { $in: streams }, position: { $exists: false } })
      .sort({ committedAt: 1, version: 1 })
      .toArray();
    const ordered = inStreamOrder(pending);
    let position = this.nextPosition ?? (await this.highestPosition()) + 1;
    const updates = ordered.map((commit) => {
      const first = position;
      position += commit.events.length;
      return {
        updateOne: {
          filter: { _id: commit._id, position: { $exists: false } },
          update: { $set: { position: first, lastPosition: position - 1 } },
        },
      };
    });
    const result = await commits.bulkWrite(updates, { ordered: true });
    if (result.modifiedCount !== updates.length) {
      // Someone else positioned some of these: step back and re-read before going on.
      this.nextPosition = undefined;
      throw new Error('another relay is positioning commits');
    }
    this.nextPosition = position;
  }

  private async highestPosition(): Promise<number> {
    const [last] = await this.store.commits
      .find({ position: { $exists: true } }, { projection: { lastPosition: 1 } })
      .sort({ position: -1 })
      .limit(1)
      .toArray();
    return last?.lastPosition ?? 0;
  }

  private async publishBatch(): Promise<number> {
    const checkpoint = (await this.checkpoints.findOne({ _id: this.options.topic }))?.position ?? 0;
    const commits = await this.store.commits
      .find({ lastPosition: { $gt: checkpoint } })
      .sort({ position: 1 })
      .limit(this.batchSize)
      .toArray();
    const events = commits.flatMap(eventsOfCommit).filter((e) => (e.metadata.position ?? 0) > checkpoint);
    if (events.length === 0) return 0;
    await this.publisher.publish(
      this.options.topic,
      events.map((event) => toCloudEventMessage(event, this.options.source)),
    );
    const reached = commits[commits.length - 1].lastPosition ?? checkpoint;
    await this.checkpoints.updateOne({ _id: this.options.topic }, { $set: { position: reached } }, { upsert: true });
    this.observer.published?.(events.length, commits[0].committedAt);
    return events.length;
  }

  /** Commits appended but not yet acknowledged by the broker. */
  async backlog(): Promise<number> {
    const checkpoint = (await this.checkpoints.findOne({ _id: this.options.topic }))?.position ?? 0;
    const [unpositioned, unpublished] = await Promise.all([
      this.store.commits.countDocuments({ position: { $exists: false } }),
      this.store.commits.countDocuments({ lastPosition: { $gt: checkpoint } }),
    ]);
    return unpositioned + unpublished;
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
