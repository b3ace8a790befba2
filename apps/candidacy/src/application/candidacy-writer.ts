import { type Actor, NotFoundError } from '@admissions/domain-kernel';
import { EventStore, stateFrom } from '@admissions/event-store';
import { CommandGateway, type Intent } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import { CandidacyCommand, CandidacyState, candidacyDecider, checkCompleteness } from '../domain';

export const candidacyStreamId = (candidacyId: string): string => `candidacy-${candidacyId}`;

/** A candidacy command without its metadata: what the application layer chooses to run. */
export type CandidacyIntent = Intent<CandidacyCommand>;

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

/** Runs candidacy commands on the file's stream and answers the file as it stands after them. */
@Injectable()
export class CandidacyWriter {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
  ) {}

  async run(actor: Actor, candidacyId: string, intent: CandidacyIntent, causationId?: string): Promise<CandidacyState> {
    const origin = { actor, causationId };
    const { state } = await this.gateway.handle(candidacyDecider, candidacyStreamId(candidacyId), intent, origin);
    return state;
  }

  /** The write model, for decisions the application layer takes before a command (no access check). */
  async load(candidacyId: string): Promise<CandidacyState> {
    const stream = await this.store.readStream(candidacyStreamId(candidacyId));
    return stateFrom(candidacyDecider, stream.events);
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
