import type { Actor } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangePlan, MobilityPlanCommand, mobilityPlanDecider, PlaceReleaseReason, ProposePlan } from '../domain';
import { CommandContext } from './command-context';
import { PartnerPlaces } from './partner-places';
import { planStreamId } from './streams';

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;

/**
 * Every plan command past the draft (approvals, refusals, learning agreement, departure, credits,
 * internships) needs nothing but the plan's own stream, so one handler runs them all.
 */
export type PlanAction = WithoutMetadata<Exclude<MobilityPlanCommand, ProposePlan | ChangePlan>>;

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
    private readonly runner: CommandRunner,
    private readonly context: CommandContext,
    private readonly places: PartnerPlaces,
  ) {}

  async execute({ action, actor }: ActOnPlanCommand): Promise<void> {
    // The action keeps its own type and data; the union loses their pairing once spread, hence the cast.
    const command = { ...action, metadata: this.context.metadata(actor) } as MobilityPlanCommand;
    if (command.type === 'ApproveByInternationalOffice') return this.places.approveByInternationalOffice(command);
    const freed = releaseReasonOf(command);
    if (freed !== null) return this.places.runFreeing(command, freed);
    await this.runner.run(mobilityPlanDecider, planStreamId(action.data.planId), command, this.context.options());
  }
}

/** MOB-10: the commands after which a plan no longer holds a partner's place. */
function releaseReasonOf(command: MobilityPlanCommand): PlaceReleaseReason | null {
  switch (command.type) {
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
