import { EventStore, LOG_START, type LogCursor } from '@admissions/event-store';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { READ_AFTER_BOUND_MS } from './consistency-token';
import { waitUntilFolded } from './fold-wait';
import { NotYetFoldedError } from './not-yet-folded.error';
import { singleFlight } from './single-flight';

/**
 * Waits, at most READ_AFTER_BOUND_MS, until the service's read models show writes: the ones a
 * token names (a query given X-Consistency-Token), or everything stored so far (a command that
 * decides on a read model). Not shown in time: NotYetFoldedError (503, Retry-After), never an
 * answer from a read model that lags.
 */
@Injectable()
export class ReadModelWait {
  /** The log's head as last seen: it only grows, so the next look starts there. */
  private head: LogCursor = LOG_START;
  // Many waits at once share their looks: a stale "appended" or a stale checkpoint only costs
  // another look. The head is never shared: one read before the commit was logged is too low.
  private readonly commitProgress = singleFlight((id: string) => this.store.commitProgress(id));
  private readonly foldedThrough = singleFlight(() => this.projections.foldedThrough());

  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  async untilFolded(commitIds: readonly string[]): Promise<void> {
    const folded = await waitUntilFolded(
      commitIds,
      {
        commitProgress: this.commitProgress,
        logHead: async () => {
          this.head = await this.store.logHead(this.head);
          return this.head.batch;
        },
        foldedThrough: () => this.foldedThrough(undefined),
      },
      { boundMs: READ_AFTER_BOUND_MS },
    );
    if (!folded) {
      throw new NotYetFoldedError(`the read models have not shown this write within ${READ_AFTER_BOUND_MS} ms`);
    }
  }

  /** Until the read models show every write stored before now: those in flight (the outbox) and the log. */
  async untilCaughtUp(): Promise<void> {
    const inFlight = await this.store.outbox.find({}, { projection: { commitId: 1 } }).toArray();
    await this.untilFolded(inFlight.map((entry) => entry.commitId));
  }
}
