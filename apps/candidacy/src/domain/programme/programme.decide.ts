import {
  CommandMetadata,
  Decider,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  assertNever,
  INPUT,
} from '@admissions/domain-kernel';
import { sameValue } from '../shared/field-rules';
import { isStaff } from '../shared/roles';
import { ChangeProgramme, CreateProgramme, ProgrammeCommand } from './programme.commands';
import { ProgrammeEvent } from './programme.events';
import { ProgrammeState, evolveProgramme, initialProgrammeState } from './programme.state';
import { PROGRAMME_FIELDS } from './programme.types';
import { validateProgramme } from './programme.validation';

export function decideProgramme(command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] {
  assertStaff(command.metadata);
  switch (command.type) {
    case 'CreateProgramme':
      return createProgramme(command, state);
    case 'ChangeProgramme':
      return changeProgramme(command, state);
    default:
      return assertNever(command);
  }
}

function createProgramme(command: CreateProgramme, state: ProgrammeState): ProgrammeEvent[] {
  if (state.status !== 'NONE') {
    throw new IllegalStateError(`programme ${command.data.code} already exists`, INPUT, 'code');
  }
  const programme = validateProgramme(command.data);
  return [{ type: 'ProgrammeCreated', data: { ...programme, createdAt: command.metadata.now.toISOString() } }];
}

function changeProgramme(command: ChangeProgramme, state: ProgrammeState): ProgrammeEvent[] {
  if (state.status === 'NONE') throw new NotFoundError(`programme ${command.data.code} not found`, INPUT, 'code');
  const before = state.programme;
  const after = validateProgramme({ ...before, ...command.data.changes, code: before.code });
  const changedFields = PROGRAMME_FIELDS.filter((field) => !sameValue(before[field], after[field]));
  if (changedFields.length === 0) return [];
  return [
    {
      type: 'ProgrammeChanged',
      data: {
        ...after,
        changedFields,
        previousPedagogicalLeadId: before.pedagogicalLeadId,
        changedAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

function assertStaff(metadata: CommandMetadata): void {
  if (!isStaff(metadata.actor)) {
    throw new ForbiddenError('only admissions staff manage programmes', INPUT);
  }
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: initialProgrammeState,
  decide: decideProgramme,
  evolve: evolveProgramme,
};
