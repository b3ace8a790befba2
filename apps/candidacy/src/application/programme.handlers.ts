import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway, type Intent } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ProgrammeCommand, type ProgrammeDetails, type ProgrammeState, programmeDecider } from '../domain';
import { programmeStreamId } from '../infrastructure/programme.repository';

/** CAND-4: staff create a Mastère Spécialisé with its intake, places, window and lead. */
export class CreateProgrammeCommand extends Command<ProgrammeDetails> {
  constructor(
    readonly actor: Actor,
    readonly details: ProgrammeDetails,
  ) {
    super();
  }
}

export class ChangeProgrammeCommand extends Command<ProgrammeDetails> {
  constructor(
    readonly actor: Actor,
    readonly code: string,
    readonly changes: Extract<ProgrammeCommand, { type: 'ChangeProgramme' }>['data']['changes'],
  ) {
    super();
  }
}

@Injectable()
abstract class ProgrammeHandler {
  constructor(private readonly gateway: CommandGateway) {}

  protected async run(actor: Actor, code: string, intent: Intent<ProgrammeCommand>): Promise<ProgrammeDetails> {
    const { state } = await this.gateway.handle(programmeDecider, programmeStreamId(code), intent, { actor });
    return detailsOf(state);
  }
}

function detailsOf(state: ProgrammeState): ProgrammeDetails {
  // The decider answers ACTIVE after any successful create or change.
  if (state.status !== 'ACTIVE') throw new Error('programme command left no programme');
  return state.programme;
}

@CommandHandler(CreateProgrammeCommand)
export class CreateProgrammeHandler extends ProgrammeHandler implements ICommandHandler<CreateProgrammeCommand> {
  execute({ actor, details }: CreateProgrammeCommand): Promise<ProgrammeDetails> {
    return this.run(actor, details.code, { type: 'CreateProgramme', data: details });
  }
}

@CommandHandler(ChangeProgrammeCommand)
export class ChangeProgrammeHandler extends ProgrammeHandler implements ICommandHandler<ChangeProgrammeCommand> {
  execute({ actor, code, changes }: ChangeProgrammeCommand): Promise<ProgrammeDetails> {
    return this.run(actor, code, { type: 'ChangeProgramme', data: { code, changes } });
  }
}
