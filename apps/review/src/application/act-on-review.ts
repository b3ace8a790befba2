import type { Actor, Clock } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { type ReviewCommand, reviewDecider, type ReviewState, reviewStreamId } from '../domain';

/** What the assigned lead (or an admin) does on a review: every command but the system ones. */
export type LeadCommand = Exclude<ReviewCommand, { type: 'OpenReview' | 'ReassignReview' | 'CloseReview' }>;
export type LeadAction = LeadCommand extends infer C
  ? C extends LeadCommand
    ? { readonly type: C['type']; readonly data: C['data'] }
    : never
  : never;

export class ActOnReview {
  constructor(
    readonly candidacyId: string,
    readonly action: LeadAction,
    readonly actor: Actor,
  ) {}
}

export interface ActOnReviewResult {
  readonly events: readonly string[];
  readonly state: ReviewState;
}

/** REV-1..4, ELIG-5: the decider checks the actor (assigned lead or admin) and the rule. */
@CommandHandler(ActOnReview)
export class ActOnReviewHandler implements ICommandHandler<ActOnReview, ActOnReviewResult> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ candidacyId, action, actor }: ActOnReview): Promise<ActOnReviewResult> {
    const command = { ...action, metadata: { now: this.clock.now(), actor } } as LeadCommand;
    const { events, state } = await this.runner.run(reviewDecider, reviewStreamId(candidacyId), command, {
      correlationId: currentCorrelationId() ?? randomUUID(),
    });
    return { events: events.map((event) => event.type), state };
  }
}
