import type { Actor } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangePlan, mobilityPlanDecider, PlanDraft, ProposePlan } from '../domain';
import { CommandContext } from './command-context';
import { PartnerPlaces } from './partner-places';
import { HostInput, PartnerReader } from './partner-reader';
import { planStreamId } from './streams';

/** The plan as the student sends it: the host is a partner id or a named non-partner. */
export type PlanDraftInput = Omit<PlanDraft, 'host'> & { readonly host: HostInput };

export class ProposePlanCommand extends Command<void> {
  constructor(
    readonly planId: string,
    readonly draft: PlanDraftInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ChangePlanCommand extends Command<void> {
  constructor(
    readonly planId: string,
    readonly draft: PlanDraftInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The student proposes a plan of their own; the partner's agreements are read from its stream now. */
@CommandHandler(ProposePlanCommand)
export class ProposePlanHandler implements ICommandHandler<ProposePlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly partners: PartnerReader,
    private readonly context: CommandContext,
  ) {}

  async execute({ planId, draft, actor }: ProposePlanCommand): Promise<void> {
    const host = await this.partners.hostOf(draft.host);
    const command: ProposePlan = {
      type: 'ProposePlan',
      data: { ...draft, host, planId, studentId: actor.id },
      metadata: this.context.metadata(actor),
    };
    await this.runner.run(mobilityPlanDecider, planStreamId(planId), command, this.context.options());
  }
}

@CommandHandler(ChangePlanCommand)
export class ChangePlanHandler implements ICommandHandler<ChangePlanCommand> {
  constructor(
    private readonly places: PartnerPlaces,
    private readonly partners: PartnerReader,
    private readonly context: CommandContext,
  ) {}

  async execute({ planId, draft, actor }: ChangePlanCommand): Promise<void> {
    const host = await this.partners.hostOf(draft.host);
    const command: ChangePlan = {
      type: 'ChangePlan',
      data: { ...draft, host, planId },
      metadata: this.context.metadata(actor),
    };
    // Approvals start over, so a place the plan held is given back (MOB-10).
    await this.places.runFreeing(command, 'CHANGED');
  }
}
