import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway } from '@admissions/platform';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mobilityPlanDecider, PlanDraft } from '../domain';
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
    private readonly gateway: CommandGateway,
    private readonly partners: PartnerReader,
  ) {}

  async execute({ planId, draft, actor }: ProposePlanCommand): Promise<void> {
    const host = await this.partners.hostOf(draft.host);
    const data = { ...draft, host, planId, studentId: actor.id };
    await this.gateway.handle(mobilityPlanDecider, planStreamId(planId), { type: 'ProposePlan', data }, { actor });
  }
}

@CommandHandler(ChangePlanCommand)
export class ChangePlanHandler implements ICommandHandler<ChangePlanCommand> {
  constructor(
    private readonly places: PartnerPlaces,
    private readonly partners: PartnerReader,
  ) {}

  async execute({ planId, draft, actor }: ChangePlanCommand): Promise<void> {
    const host = await this.partners.hostOf(draft.host);
    // Approvals start over, so a place the plan held is given back (MOB-10).
    await this.places.runFreeing({ type: 'ChangePlan', data: { ...draft, host, planId } }, 'CHANGED', { actor });
  }
}
