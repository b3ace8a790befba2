import { Command } from '@admissions/domain-kernel';
import { ProgrammeDetails, ProgrammeField } from './programme.types';

export type CreateProgramme = Command<'CreateProgramme', ProgrammeDetails>;

/** Only the fields given change; the others keep their value. */
export type ChangeProgramme = Command<
  'ChangeProgramme',
  { readonly code: string; readonly changes: Partial<Pick<ProgrammeDetails, ProgrammeField>> }
>;

export type ProgrammeCommand = CreateProgramme | ChangeProgramme;
