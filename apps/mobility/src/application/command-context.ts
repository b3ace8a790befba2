import type { RunOptions } from '@admissions/event-store';
import type { Actor, Clock, CommandMetadata } from '@admissions/domain-kernel';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

/** What every handler adds to a domain command: the time (from the injectable clock), the actor, the correlation. */
@Injectable()
export class CommandContext {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  metadata(actor: Actor): CommandMetadata {
    return { now: this.clock.now(), actor };
  }

  options(causationId?: string): RunOptions {
    return {
      correlationId: currentCorrelationId() ?? randomUUID(),
      ...(causationId === undefined ? {} : { causationId }),
    };
  }
}
