import type { Actor, Clock } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
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
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected async run(
    actor: Actor,
    code: string,
    intent: Omit<ProgrammeCommand, 'metadata'>,
  ): Promise<ProgrammeDetails> {
    const command = { ...intent, metadata: { now: this.clock.now(), actor } } as ProgrammeCommand;
    const { state } = await this.runner.run(programmeDecider, programmeStreamId(code), command, {
      correlationId: currentCorrelationId() ?? randomUUID(),
    });
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
