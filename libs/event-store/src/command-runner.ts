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
import { FoldedStreams, type Folded } from './folded-streams';

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

export interface RunResult<S> {
  readonly events: StoredEvent[];
  readonly state: S;
  readonly version: number;
  /** The commit appended, or the stream's last one when nothing was (absent for a stream still empty). */
  readonly commitId?: string;
}

/**
 * How long a folded state is kept: no longer than a person's key stays in a process (the key
 * cipher's 30 s), since a state holds the personal data its events carried, opened.
 */
const FOLDED_TTL_MS = 30_000;
const FOLDED_STREAMS = 1_000;

/**
 * The write path of every service: load the stream, decide, append at the version that was read.
 * A concurrent writer makes the append fail; the command is then decided again on the new state,
 * so a rule is always checked against what is really stored. What was folded of a stream is kept
 * (FoldedStreams): the next command evolves only the events appended since, so a command costs
 * the same on the thousandth event of a stream as on the first.
 */
export class CommandRunner {
  private readonly folds = new FoldedStreams(FOLDED_STREAMS, FOLDED_TTL_MS);

  constructor(
    private readonly store: EventStore,
    private readonly onConflict: () => void = () => undefined,
  ) {
    store.onKeyForgotten(() => this.folds.clear());
  }

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
        return await this.attempt(decider, streamId, command, options, await this.read(decider, streamId));
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
    const known = (await this.held(decider, streamId)) ?? (options.expectNew ? newStream(decider) : undefined);
    if (known === undefined) return undefined;
    try {
      const result = await this.attempt(decider, streamId, command, options, known);
      // A command already caused by this event stays handled: stored events never change.
      return result.events.length > 0 || causedBefore(known, options) ? result : undefined;
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  /** The stream as this process holds it, folded: kept from before when it is still at that version. */
  private async held<E extends DomainEvent, S>(
    decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<Folded<S> | undefined> {
    const version = this.store.heldVersion(streamId);
    if (version === undefined) return undefined;
    const folded = this.folds.get<S>(streamId, decider);
    if (folded?.version === version) return folded;
    const stream = await this.store.cachedStream(streamId);
    return stream && this.folds.set(streamId, decider, foldedFrom(decider, stream));
  }

  /** The stream as stored: what was folded of it before, evolved with the commits after that. */
  private async read<E extends DomainEvent, S>(
    decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<Folded<S>> {
    const folded = this.folds.get<S>(streamId, decider);
    const after = folded && (await this.store.readStreamAfter(streamId, folded.version));
    const next =
      folded && after ? evolved(decider, folded, after) : foldedFrom(decider, await this.store.readStream(streamId));
    return this.folds.set(streamId, decider, next);
  }

  private async attempt<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    options: RunOptions,
    known: Folded<S>,
  ): Promise<RunResult<S>> {
    const { state, version } = known;
    const last = known.lastCommit > 0 ? { commitId: commitId(streamId, known.lastCommit) } : {};
    if (causedBefore(known, options)) return { events: [], state, version, ...last };
    const decided = decider.decide(command, state);
    const events = await this.store.append(streamId, version, decided, {
      correlationId: options.correlationId,
      causationId: options.causationId,
      actor: command.metadata.actor,
      occurredAt: command.metadata.now,
    });
    if (events.length === 0) return { events, state, version, ...last };
    const appended: Folded<S> = {
      state: decided.reduce(decider.evolve, state),
      version: version + decided.length,
      lastCommit: version + 1,
      causations:
        options.causationId === undefined ? known.causations : new Set([...known.causations, options.causationId]),
    };
    this.folds.set(streamId, decider, appended);
    return { events, state: appended.state, version: appended.version, commitId: commitId(streamId, version + 1) };
  }
}

function causedBefore(known: Folded<unknown>, { causationId }: RunOptions): boolean {
  return causationId !== undefined && known.causations.has(causationId);
}

function newStream<S>(decider: Pick<Decider<Command, DomainEvent, S>, 'initialState'>): Folded<S> {
  return { state: decider.initialState(), version: 0, lastCommit: 0, causations: new Set() };
}

function foldedFrom<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  stream: LoadedStream,
): Folded<S> {
  return evolved(decider, newStream(decider), stream);
}

/** `folded` with the events that follow it (`after`: the stream's events past its version). */
function evolved<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'evolve'>,
  folded: Folded<S>,
  after: LoadedStream,
): Folded<S> {
  if (after.events.length === 0) return folded;
  const causations = new Set(folded.causations);
  for (const event of after.events) {
    if (event.metadata.causationId !== undefined) causations.add(event.metadata.causationId);
  }
  return {
    state: after.events.map((event) => domainEventOf<E>(event)).reduce(decider.evolve, folded.state),
    version: after.version,
    lastCommit: after.lastCommit,
    causations,
  };
}
