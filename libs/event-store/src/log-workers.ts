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
  /**
   * Fallback for appends made by another replica (or a lost wake-up): how soon the outbox is looked
   * at after work; each look that finds nothing doubles the wait up to `sequencerMaxIdleMs`.
   */
  readonly sequencerIdleMs?: number;
  /**
   * The longest wait between two looks at an idle outbox: the most an append of another replica
   * waits when the wake-up it sends (`appendedElsewhere`) is lost. 15 s; a caller that sets only
   * `sequencerIdleMs` gets that fixed period.
   */
  readonly sequencerMaxIdleMs?: number;
  /**
   * Fallback for the readers, which the sequencer of this process (the lease holder's: readers
   * and sequencer run there alone) wakes as soon as it logs, and gaining the lease wakes: a lost
   * wake-up is all it covers (a batch a former holder logged just after the handover), so it is
   * long (each look costs every reader a log and checkpoint read), and doubles while idle up to
   * `readersMaxIdleMs`.
   */
  readonly readersIdleMs?: number;
  /** 2 minutes; a caller that sets only `readersIdleMs` gets that fixed period. */
  readonly readersMaxIdleMs?: number;
  /** Each loop's wait after a round that found work, for more to gather (WorkLoop's `gatherMs`). */
  readonly gatherMs?: number;
}

/**
 * At P1's tens of commands a second, a round every 50 ms carries several appends instead of one
 * (docs/benchmarks.md, 2026-12-03); it adds at most that to propagation, and only under load.
 */
const DEFAULT_GATHER_MS = 50;

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
      {
        name: 'sequencer',
        idleMs: options.sequencerIdleMs ?? 1000,
        maxIdleMs: options.sequencerMaxIdleMs ?? options.sequencerIdleMs ?? 15_000,
        gatherMs: options.gatherMs ?? DEFAULT_GATHER_MS,
      },
      logger,
    );
    this.reading = readers.map(
      (reader) =>
        new WorkLoop(
          () => reader.step(),
          {
            name: reader.name,
            idleMs: options.readersIdleMs ?? 30_000,
            maxIdleMs: options.readersMaxIdleMs ?? options.readersIdleMs ?? 120_000,
            gatherMs: options.gatherMs ?? DEFAULT_GATHER_MS,
          },
          logger,
        ),
    );
  }

  start(): void {
    this.detach.push(
      this.store.onAppended(() => this.sequencing.wake()),
      this.sequencer.onLogged(() => this.reading.forEach((loop) => loop.wake())),
    );
    this.lease.keep(() => {
      this.sequencer.leadershipGained();
      this.readers.forEach((reader) => reader.leadershipGained());
      [this.sequencing, ...this.reading].forEach((loop) => loop.wake());
    });
    [this.sequencing, ...this.reading].forEach((loop) => loop.start());
  }

  /** Another replica appended: the lease holder's sequencer looks at the outbox now. */
  appendedElsewhere(): void {
    if (this.lease.held) this.sequencing.wake();
  }

  async stop(): Promise<void> {
    this.detach.splice(0).forEach((detach) => detach());
    await Promise.allSettled([this.sequencing, ...this.reading].map((loop) => loop.stop()));
    await this.lease.release().catch(() => undefined);
  }
}
