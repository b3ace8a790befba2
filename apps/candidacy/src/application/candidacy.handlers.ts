import { type Actor, ValidationError } from '@admissions/domain-kernel';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProgrammeSnapshot } from '../domain';
import { ProgrammeRepository } from '../infrastructure/programme.repository';
import { type CandidacyIntent, CandidacyWriter, type FileSummary, summarise } from './candidacy-writer';

/** CAND-1: the candidate creates a file online, which opens their personal space. */
export class OpenCandidacyCommand extends Command<FileSummary> {
  constructor(
    readonly actor: Actor,
    readonly candidacyId: string,
  ) {
    super();
  }
}

/** A change that needs nothing but the file itself (identity, diplomas, experience, removal, withdrawal). */
export class EditCandidacyCommand extends Command<FileSummary> {
  constructor(
    readonly actor: Actor,
    readonly candidacyId: string,
    readonly intent: CandidacyIntent,
  ) {
    super();
  }
}

export class ChooseProgrammeCommand extends Command<FileSummary> {
  constructor(
    readonly actor: Actor,
    readonly candidacyId: string,
    readonly programmeCode: string,
  ) {
    super();
  }
}

/** CAND-2: submit a complete file; its rank (CAND-3) follows asynchronously. */
export class SubmitCandidacyCommand extends Command<FileSummary> {
  constructor(
    readonly actor: Actor,
    readonly candidacyId: string,
  ) {
    super();
  }
}

@CommandHandler(OpenCandidacyCommand)
export class OpenCandidacyHandler implements ICommandHandler<OpenCandidacyCommand> {
  constructor(private readonly writer: CandidacyWriter) {}

  async execute({ actor, candidacyId }: OpenCandidacyCommand): Promise<FileSummary> {
    return summarise(await this.writer.run(actor, candidacyId, { type: 'OpenCandidacy', data: { candidacyId } }));
  }
}

@CommandHandler(EditCandidacyCommand)
export class EditCandidacyHandler implements ICommandHandler<EditCandidacyCommand> {
  constructor(private readonly writer: CandidacyWriter) {}

  async execute({ actor, candidacyId, intent }: EditCandidacyCommand): Promise<FileSummary> {
    return summarise(await this.writer.run(actor, candidacyId, intent));
  }
}

@CommandHandler(ChooseProgrammeCommand)
export class ChooseProgrammeHandler implements ICommandHandler<ChooseProgrammeCommand> {
  constructor(
    private readonly writer: CandidacyWriter,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async execute({ actor, candidacyId, programmeCode }: ChooseProgrammeCommand): Promise<FileSummary> {
    const programme = await this.programmes.snapshot(programmeCode);
    if (!programme) throw new ValidationError(`no programme ${programmeCode}`, 'CAND-4', 'programmeCode');
    return summarise(await this.writer.run(actor, candidacyId, { type: 'ChooseProgramme', data: { programme } }));
  }
}

/**
 * Placeholder for a file with no programme chosen yet: the decider refuses such a file as
 * incomplete (CAND-2, field programmeCode) before it would look at the snapshot.
 */
const NO_PROGRAMME: ProgrammeSnapshot = {
  code: '',
  applicationWindow: { opensAt: '', closesAt: '' },
  pedagogicalLeadId: '',
};

@CommandHandler(SubmitCandidacyCommand)
export class SubmitCandidacyHandler implements ICommandHandler<SubmitCandidacyCommand> {
  constructor(
    private readonly writer: CandidacyWriter,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async execute({ actor, candidacyId }: SubmitCandidacyCommand): Promise<FileSummary> {
    // The programme as it is now (its window or lead may have changed since it was chosen).
    const file = await this.writer.load(candidacyId);
    const code = file.status === 'NONE' ? undefined : file.programmeCode;
    const programme = (code === undefined ? undefined : await this.programmes.snapshot(code)) ?? NO_PROGRAMME;
    return summarise(await this.writer.run(actor, candidacyId, { type: 'SubmitCandidacy', data: { programme } }));
  }
}
