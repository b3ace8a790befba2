import { type Actor, type Clock, NotFoundError } from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CandidacyCommand,
  CandidacyEvent,
  CandidacyState,
  candidacyDecider,
  checkCompleteness,
  evolveCandidacy,
  initialCandidacyState,
} from '../domain';

export const candidacyStreamId = (candidacyId: string): string => `candidacy-${candidacyId}`;

/** A candidacy command without its metadata: what the application layer chooses to run. */
export type CandidacyIntent = {
  [K in CandidacyCommand['type']]: Omit<Extract<CandidacyCommand, { type: K }>, 'metadata'>;
}[CandidacyCommand['type']];

/** What a write answers: the file as it stands right after the command (not the lagging read model). */
export interface FileSummary {
  readonly candidacyId: string;
  readonly status: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  readonly programmeCode?: string;
  readonly eligibility?: CandidacyStateOf<'DRAFT'>['eligibility'];
  /** CAND-2: what the file still lacks before it can be submitted (empty once complete). */
  readonly missing: readonly string[];
  readonly submittedAt?: string;
  readonly rank?: number;
}

type CandidacyStateOf<S extends string> = Extract<CandidacyState, { status: S }>;

/** Runs candidacy commands with the clock's time and the request's correlation id. */
@Injectable()
export class CandidacyWriter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, candidacyId: string, intent: CandidacyIntent, causationId?: string): Promise<CandidacyState> {
    const command = { ...intent, metadata: { now: this.clock.now(), actor } } as CandidacyCommand;
    const { state } = await this.runner.run(candidacyDecider, candidacyStreamId(candidacyId), command, {
      correlationId: currentCorrelationId() ?? randomUUID(),
      causationId,
    });
    return state;
  }

  /** The write model, for decisions the application layer takes before a command (no access check). */
  async load(candidacyId: string): Promise<CandidacyState> {
    const stream = await this.store.readStream(candidacyStreamId(candidacyId));
    return (stream.events as unknown as CandidacyEvent[]).reduce(evolveCandidacy, initialCandidacyState());
  }
}

export function summarise(state: CandidacyState): FileSummary {
  // A command that succeeded leaves an opened file; NONE would mean the command created nothing.
  if (state.status === 'NONE') throw new NotFoundError('candidacy not found', 'CAND-1');
  const completeness = checkCompleteness(state);
  return {
    candidacyId: state.candidacyId,
    status: state.status,
    ...(state.programmeCode === undefined ? {} : { programmeCode: state.programmeCode }),
    ...(state.eligibility === undefined ? {} : { eligibility: state.eligibility }),
    missing: completeness.complete ? [] : completeness.missing,
    ...(state.status === 'DRAFT' || state.submittedAt === undefined ? {} : { submittedAt: state.submittedAt }),
    ...(state.status === 'DRAFT' || state.rank === undefined ? {} : { rank: state.rank }),
  };
}
