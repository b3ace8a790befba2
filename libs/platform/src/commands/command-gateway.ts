import type { Actor, Clock, Command, Decider, DomainEvent } from '@admissions/domain-kernel';
import type { CommandRunner, RunResult, StoredEvent } from '@admissions/event-store';
import { randomUUID } from 'node:crypto';
import { recordWrite } from '../consistency/written-commits';
import { currentCorrelationId } from '../logging/correlation';
import { crashPoint } from '../resilience/crash-point';
import { KeyedLock } from './keyed-lock';

/** A command as the application chooses it: the decider's command without its metadata. */
export type Intent<C extends Command> = C extends Command ? Omit<C, 'metadata'> : never;

/** Who asks for a command, and what caused it. */
export interface CommandOrigin {
  /** The request's user, or the service itself (`gateway.system`). */
  readonly actor: Actor;
  /** The event or request that caused the command: a command already caused by it is not run again. */
  readonly causationId?: string;
}

/** How the command runner may save a read: see RunOptions.expectNew. */
export interface CommandHints {
  readonly expectNew?: boolean;
}

/** Work that follows every command of a decider that appended events (such as scheduling a deadline). */
export type AfterCommit = (events: readonly StoredEvent[]) => Promise<void>;

/** The actor of the commands a service gives itself (process managers, deadlines, seeders). */
export function systemActorOf(service: string): Actor {
  return { id: `system:${service}`, roles: ['admin'] };
}

/**
 * The one way from the application to a decider, in every service: the intent gets the clock's
 * time, the actor and the request's (or event's) correlation id, commands to one stream queue
 * in this process instead of colliding, the command runner decides and appends, and the steps
 * declared for the decider run once the events are stored.
 */
export class CommandGateway {
  private readonly lock = new KeyedLock();
  /** By decider object: the steps declared for its commands. */
  private readonly afterCommit = new Map<object, AfterCommit[]>();

  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    /** The service itself as the origin of a command. */
    readonly system: CommandOrigin,
  ) {}

  /** Declares a step to run after each command of this decider that stored events. */
  onCommitted<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, step: AfterCommit): void {
    this.afterCommit.set(decider, [...(this.afterCommit.get(decider) ?? []), step]);
  }

  async handle<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    intent: Intent<C>,
    origin: CommandOrigin,
    hints: CommandHints = {},
  ): Promise<RunResult<S>> {
    const options = {
      correlationId: currentCorrelationId() ?? randomUUID(),
      ...(origin.causationId === undefined ? {} : { causationId: origin.causationId }),
      ...hints,
    };
    const result = await this.lock.run(streamId, () =>
      this.runner.run(decider, streamId, this.stamped<C>(intent, origin.actor), options),
    );
    // The request's reply names what it stored, so that its next query can wait for it.
    if (result.commitId !== undefined) recordWrite(result.commitId);
    // Crash tests: dies right after the commit, before what follows it (e.g. `committed:OfferMade`).
    for (const event of result.events) crashPoint(`committed:${event.type}`);
    if (result.events.length > 0) {
      for (const step of this.afterCommit.get(decider) ?? []) await step(result.events);
    }
    return result;
  }

  /**
   * What the command would append on this state, without appending: a refusal is thrown as it
   * would be, so that work that must come first (claiming a place) is done only for a command
   * that passes its rules.
   */
  dryRun<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    state: S,
    intent: Intent<C>,
    origin: CommandOrigin,
  ): E[] {
    return decider.decide(this.stamped<C>(intent, origin.actor), state);
  }

  /** A system origin caused by an event: what process managers and deadlines send. */
  causedBy(eventId: string): CommandOrigin {
    return { ...this.system, causationId: eventId };
  }

  private stamped<C extends Command>(intent: Intent<C>, actor: Actor): C {
    // Intent<C> is C without its metadata; TypeScript cannot see that adding it back gives a C.
    return { ...intent, metadata: { now: this.clock.now(), actor } } as C;
  }
}
