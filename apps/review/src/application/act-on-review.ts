import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway, type Intent } from '@admissions/platform';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ReviewCommand, reviewDecider, type ReviewState, reviewStreamId } from '../domain';

/** What the assigned lead (or an admin) does on a review: every command but the system ones. */
export type LeadCommand = Exclude<ReviewCommand, { type: 'OpenReview' | 'ReassignReview' | 'CloseReview' }>;
export type LeadAction = Intent<LeadCommand>;

export class ActOnReview {
  constructor(
    readonly candidacyId: string,
    readonly action: LeadAction,
    readonly actor: Actor,
  ) {}
}

/** Where the review stands after the command; the events stay inside the service. */
export interface ActOnReviewResult {
  readonly state: ReviewState;
}

/** REV-1..4, ELIG-5: the decider checks the actor (assigned lead or admin) and the rule. */
@CommandHandler(ActOnReview)
export class ActOnReviewHandler implements ICommandHandler<ActOnReview, ActOnReviewResult> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ candidacyId, action, actor }: ActOnReview): Promise<ActOnReviewResult> {
    const { state } = await this.gateway.handle(reviewDecider, reviewStreamId(candidacyId), action, { actor });
    return { state };
  }
}
