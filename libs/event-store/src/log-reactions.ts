import type { mongo } from 'mongoose';
import type { LogCursor, StoredEvent } from './event';
import type { EventStore, LogRead } from './event-store';
import { SOLE_INSTANCE, type Leadership } from './lease';
import { LogCheckpoints } from './log-checkpoints';
import type { LogReader } from './log-workers';

/** Batches read past a reaction's checkpoint before it is saved even though nothing was handled. */
const SAVE_EVERY_BATCHES = 100;

/** A process manager of a service's own events: it runs commands in reaction to them. */
export interface LogReaction {
  /** Names its checkpoint. */
  readonly name: string;
  readonly types: readonly string[];
  /**
   * The events of `types` logged since the last call, in position order, as many as one read of
   * the log brings. After a failure the same events come again, so handling must be idempotent.
   */
  handle(events: readonly StoredEvent[]): Promise<void>;
}

/**
 * Runs a service's reactions to its own events from its event log, in position order, as soon
 * as the sequencer logs them: no round trip through Kafka and nothing from another deployment
 * sharing a topic. A reaction's checkpoint moves only after it handled, so a failing round is
 * retried with the same events (the work loop backs off) and none is skipped. Batches without
 * its events move the checkpoint only now and then: re-reading them after a restart costs an
 * _id lookup each, saving them would cost two writes per logged batch.
 */
export class LogReactions implements LogReader {
  readonly name = 'reactions';
  private readonly reactions: LogReaction[] = [];
  private readonly checkpoints: LogCheckpoints;
  private readonly reached = new Map<string, LogCursor>();
  private readonly saved = new Map<string, LogCursor>();

  constructor(
    private readonly store: EventStore,
    db: mongo.Db,
    private readonly leadership: Leadership = SOLE_INSTANCE,
    private readonly batchSize = 1000,
  ) {
    this.checkpoints = new LogCheckpoints(db, 'reaction_checkpoints', leadership);
  }

  /** Before the log workers start (a provider's onModuleInit). */
  add(reaction: LogReaction): void {
    this.reactions.push(reaction);
  }

  leadershipGained(): void {
    this.reached.clear();
    this.saved.clear();
  }

  /** One round over every reaction; returns how many events were read. */
  async step(): Promise<number> {
    if (!this.leadership.held) return 0;
    const reads = new Map<number, Promise<LogRead>>();
    let read = 0;
    for (const reaction of this.reactions) read += await this.stepOne(reaction, reads);
    return read;
  }

  private async stepOne(reaction: LogReaction, reads: Map<number, Promise<LogRead>>): Promise<number> {
    let from = this.reached.get(reaction.name);
    if (from === undefined) {
      from = await this.checkpoints.load(reaction.name);
      this.saved.set(reaction.name, from);
    }
    const read = reads.get(from.batch) ?? this.store.readLog(from, this.batchSize, { open: true });
    reads.set(from.batch, read);
    const { events, reached } = await read;
    if (events.length === 0) return 0;
    const types = new Set(reaction.types);
    const mine = events.filter((event) => types.has(event.type));
    if (mine.length > 0) await reaction.handle(mine);
    const saved = this.saved.get(reaction.name)?.batch ?? 0;
    if (mine.length > 0 || reached.batch - saved >= SAVE_EVERY_BATCHES) {
      if (!(await this.checkpoints.save(reaction.name, reached))) {
        this.leadershipGained();
        return 0;
      }
      this.saved.set(reaction.name, reached);
    }
    this.reached.set(reaction.name, reached);
    return events.length;
  }
}
