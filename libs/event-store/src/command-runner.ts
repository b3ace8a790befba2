import {
  ConcurrencyError,
  DomainError,
  foldEvents,
  type Command,
  type Decider,
  type DomainEvent,
} from '@admissions/domain-kernel';
import { commitId, domainEventOf, type StoredEvent } from './event';
import type { EventStore, LoadedStream } from './event-store';

/** The state a decider folds from a stream's stored events. */
export function stateFrom<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  events: readonly StoredEvent[],
): S {
  // A stream holds only what its decider appended (upcast to the current shapes): its events.
  return foldEvents(
    decider,
    events.map((event) => domainEventOf<E>(event)),
  );
}

export interface RunOptions {
  readonly correlationId: string;
  /** The event or request that caused this command; a command already caused by it is not run again. */
  readonly causationId?: string;
  readonly maxAttempts?: number;
  /**
   * The stream is most likely new (a review opened for a file just received): decided as empty
   * without reading it, and the append proves it; a stream that existed makes the append fail and
   * is then read, as any other.
   */
  readonly expectNew?: boolean;
}

const NEW_STREAM: LoadedStream = { events: [], version: 0, lastCommit: 0 };

export interface RunResult<S> {
  readonly events: StoredEvent[];
  readonly state: S;
  readonly version: number;
  /** The commit appended, or the stream's last one when nothing was (absent for a stream still empty). */
  readonly commitId?: string;
}

/**
 * The write path of every service: load the stream, decide, append at the version that was read.
 * A concurrent writer makes the append fail; the command is then decided again on the new state,
 * so a rule is always checked against what is really stored.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly onConflict: () => void = () => undefined,
  ) {}

  async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    options: RunOptions,
  ): Promise<RunResult<S>> {
    const known = await this.tryOnKnownStream(decider, streamId, command, options);
    if (known !== undefined) return known;
    const attempts = options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(decider, streamId, command, options, await this.store.readStream(streamId));
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        this.onConflict();
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /**
   * Decides on what this process already holds of the stream (or on nothing, for a stream
   * expected new), without reading it: a database round trip saved on every command to a stream
   * this process wrote or read lately. Only an
   * append proves that the stream had not moved, so anything else that comes of it — a refusal,
   * nothing to do, a conflict — is left to be decided again on the stream as stored.
   */
  private async tryOnKnownStream<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    options: RunOptions,
  ): Promise<RunResult<S> | undefined> {
    const known = (await this.store.cachedStream(streamId)) ?? (options.expectNew ? NEW_STREAM : undefined);
    if (known === undefined) return undefined;
    try {
      const result = await this.attempt(decider, streamId, command, options, known);
      // A command already caused by this event stays handled: stored events never change.
      return result.events.length > 0 || this.causedBefore(known, options) ? result : undefined;
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  private async attempt<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    options: RunOptions,
    stream: LoadedStream,
  ): Promise<RunResult<S>> {
    const state = stateFrom(decider, stream.events);
    const last = stream.lastCommit > 0 ? { commitId: commitId(streamId, stream.lastCommit) } : {};
    if (this.causedBefore(stream, options)) return { events: [], state, version: stream.version, ...last };
    const decided = decider.decide(command, state);
    const events = await this.store.append(streamId, stream.version, decided, {
      correlationId: options.correlationId,
      causationId: options.causationId,
      actor: command.metadata.actor,
      occurredAt: command.metadata.now,
    });
    return {
      events,
      state: decided.reduce(decider.evolve, state),
      version: stream.version + decided.length,
      ...(events.length > 0 ? { commitId: commitId(streamId, stream.version + 1) } : last),
    };
  }

  private causedBefore(stream: LoadedStream, { causationId }: RunOptions): boolean {
    return causationId !== undefined && stream.events.some((e) => e.metadata.causationId === causationId);
  }
}
