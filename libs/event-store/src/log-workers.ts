import type { EventStore } from './event-store';
import type { Lease } from './lease';
import type { LogSequencer } from './log-sequencer';
import { WorkLoop, type WorkLoopLogger } from './work-loop';

/** Something that reads the log after the sequencer (the relay to Kafka, the projections). */
export interface LogReader {
  readonly name: string;
  /** One round; returns how much it did (0 = caught up). */
  step(): Promise<number>;
  /** This instance has just become the leader: what it remembers of the checkpoints may be stale. */
  leadershipGained(): void;
}

export interface LogWorkersOptions {
  /** Fallback for appends made by another replica (or a lost wake-up): how often the outbox is looked at. */
  readonly sequencerIdleMs?: number;
  /** Fallback for the readers, which the sequencer wakes as soon as it logs. */
  readonly readersIdleMs?: number;
}

/**
 * The loops behind a service's event log, run by the holder of the service's lease: the sequencer
 * (woken by each append in this process), then the readers (woken by each batch logged). An idle
 * service only renews its lease and looks up a few documents by _id now and then.
 */
export class LogWorkers {
  private readonly sequencing: WorkLoop;
  private readonly reading: WorkLoop[];
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly sequencer: LogSequencer,
    private readonly readers: readonly LogReader[],
    private readonly lease: Lease,
    logger: WorkLoopLogger,
    options: LogWorkersOptions = {},
  ) {
    this.sequencing = new WorkLoop(
      () => (lease.held ? sequencer.sequence() : Promise.resolve(0)),
      { name: 'sequencer', idleMs: options.sequencerIdleMs ?? 1000 },
      logger,
    );
    this.reading = readers.map(
      (reader) =>
        new WorkLoop(() => reader.step(), { name: reader.name, idleMs: options.readersIdleMs ?? 5000 }, logger),
    );
  }

  start(): void {
    this.detach.push(
      this.store.onAppended(() => this.sequencing.wake()),
      this.sequencer.onLogged(() => this.reading.forEach((loop) => loop.wake())),
    );
    this.lease.keep(() => {
      this.readers.forEach((reader) => reader.leadershipGained());
      [this.sequencing, ...this.reading].forEach((loop) => loop.wake());
    });
    [this.sequencing, ...this.reading].forEach((loop) => loop.start());
  }

  async stop(): Promise<void> {
    this.detach.splice(0).forEach((detach) => detach());
    await Promise.allSettled([this.sequencing, ...this.reading].map((loop) => loop.stop()));
    await this.lease.release().catch(() => undefined);
  }
}
