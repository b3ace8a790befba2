import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway, type Intent } from '@admissions/platform';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangePlan, MobilityPlanCommand, mobilityPlanDecider, PlaceReleaseReason, ProposePlan } from '../domain';
import { PartnerPlaces } from './partner-places';
import { planStreamId } from './streams';

/**
 * Every plan command past the draft (approvals, refusals, learning agreement, departure, credits,
 * internships) needs nothing but the plan's own stream, so one handler runs them all.
 */
export type PlanAction = Intent<Exclude<MobilityPlanCommand, ProposePlan | ChangePlan>>;

export class ActOnPlanCommand extends Command<void> {
  constructor(
    readonly action: PlanAction,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ActOnPlanCommand)
export class ActOnPlanHandler implements ICommandHandler<ActOnPlanCommand> {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly places: PartnerPlaces,
  ) {}

  async execute({ action, actor }: ActOnPlanCommand): Promise<void> {
    if (action.type === 'ApproveByInternationalOffice') {
      return this.places.approveByInternationalOffice(action, { actor });
    }
    const freed = releaseReasonOf(action.type);
    if (freed !== null) return this.places.runFreeing(action, freed, { actor });
    await this.gateway.handle(mobilityPlanDecider, planStreamId(action.data.planId), action, { actor });
  }
}

/** MOB-10: the commands after which a plan no longer holds a partner's place. */
function releaseReasonOf(type: MobilityPlanCommand['type']): PlaceReleaseReason | null {
  switch (type) {
    case 'RefuseByStudyAdvisor':
    case 'RefuseByTrainingDirectorate':
    case 'RefuseByInternationalOffice':
      return 'REFUSED';
    case 'CancelPlan':
      return 'CANCELLED';
    default:
      return null;
  }
}
