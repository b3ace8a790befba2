import type { Actor } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangePartner, PartnerDetails, partnerDecider, RegisterPartner } from '../domain';
import { CommandContext } from './command-context';
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
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: CommandContext,
  ) {}

  async execute({ partnerId, details, actor }: RegisterPartnerCommand): Promise<void> {
    const command: RegisterPartner = {
      type: 'RegisterPartner',
      data: { ...details, partnerId },
      metadata: this.context.metadata(actor),
    };
    await this.runner.run(partnerDecider, partnerStreamId(partnerId), command, this.context.options());
  }
}

@CommandHandler(ChangePartnerCommand)
export class ChangePartnerHandler implements ICommandHandler<ChangePartnerCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: CommandContext,
  ) {}

  async execute({ partnerId, changes, actor }: ChangePartnerCommand): Promise<void> {
    const command: ChangePartner = {
      type: 'ChangePartner',
      data: { ...changes, partnerId },
      metadata: this.context.metadata(actor),
    };
    await this.runner.run(partnerDecider, partnerStreamId(partnerId), command, this.context.options());
  }
}
