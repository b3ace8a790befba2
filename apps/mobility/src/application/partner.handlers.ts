import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway } from '@admissions/platform';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PartnerDetails, partnerDecider } from '../domain';
import { partnerStreamId } from './streams';

export class RegisterPartnerCommand extends Command<void> {
  constructor(
    readonly partnerId: string,
    readonly details: PartnerDetails,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ChangePartnerCommand extends Command<void> {
  constructor(
    readonly partnerId: string,
    readonly changes: Partial<PartnerDetails>,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<RegisterPartnerCommand> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ partnerId, details, actor }: RegisterPartnerCommand): Promise<void> {
    const intent = { type: 'RegisterPartner', data: { ...details, partnerId } } as const;
    await this.gateway.handle(partnerDecider, partnerStreamId(partnerId), intent, { actor });
  }
}

@CommandHandler(ChangePartnerCommand)
export class ChangePartnerHandler implements ICommandHandler<ChangePartnerCommand> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ partnerId, changes, actor }: ChangePartnerCommand): Promise<void> {
    const intent = { type: 'ChangePartner', data: { ...changes, partnerId } } as const;
    await this.gateway.handle(partnerDecider, partnerStreamId(partnerId), intent, { actor });
  }
}
