import { ConcurrencyError, foldEvents, type Command, type Decider, type DomainEvent } from '@admissions/domain-kernel';
import type { StoredEvent } from './event';
import type { EventStore } from './event-store';

export interface RunOptions {
  readonly correlationId: string;
  /** The event or request that caused this command; a command already caused by it is not run again. */
  readonly causationId?: string;
  readonly maxAttempts?: number;
}

export interface RunResult<S> {
  readonly events: StoredEvent[];
  readonly state: S;
  readonly version: number;
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
    const attempts = options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt += 1) {
      const stream = await this.store.readStream(streamId);
      const state = foldEvents(decider, stream.events as unknown as E[]);
      if (options.causationId && stream.events.some((e) => e.metadata.causationId === options.causationId)) {
        return { events: [], state, version: stream.version };
      }
      const decided = decider.decide(command, state);
      try {
        const events = await this.store.append(streamId, stream.version, decided, {
          correlationId: options.correlationId,
          causationId: options.causationId,
          actor: command.metadata.actor,
          occurredAt: command.metadata.now,
        });
        return { events, state: decided.reduce(decider.evolve, state), version: stream.version + decided.length };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        this.onConflict();
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }
}
