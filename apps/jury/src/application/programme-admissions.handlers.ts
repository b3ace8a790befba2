import type { Actor } from '@admissions/domain-kernel';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProgrammeAdmissionsWriter, type ProgrammeIntent, type WriteResult } from './programme-admissions.writer';

/**
 * Whatever a jury member or a candidate does on a programme's admissions (JURY-1 a session,
 * JURY-2 decisions, JURY-4 enrolment, JURY-5 a declined offer): the decider checks the actor and
 * the rule, so one command carries them all. Its result stays inside the service: the controller
 * answers with the reply of programme-admissions.replies.ts.
 */
export class ActOnProgramme extends Command<WriteResult> {
  constructor(
    readonly actor: Actor,
    readonly programmeCode: string,
    readonly intent: ProgrammeIntent,
  ) {
    super();
  }
}

@CommandHandler(ActOnProgramme)
export class ActOnProgrammeHandler implements ICommandHandler<ActOnProgramme, WriteResult> {
  constructor(private readonly writer: ProgrammeAdmissionsWriter) {}

  execute({ actor, programmeCode, intent }: ActOnProgramme): Promise<WriteResult> {
    return this.writer.run(actor, programmeCode, intent);
  }
}
