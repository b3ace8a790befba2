import { assertNever } from '@admissions/domain-kernel';
import { ProgrammeEvent } from './programme.events';
import { ProgrammeDetails, ProgrammeSnapshot } from './programme.types';

export type ProgrammeState =
  { readonly status: 'NONE' } | { readonly status: 'ACTIVE'; readonly programme: ProgrammeDetails };

export const initialProgrammeState = (): ProgrammeState => ({ status: 'NONE' });

export function evolveProgramme(_state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeCreated':
    case 'ProgrammeChanged':
      return { status: 'ACTIVE', programme: pickDetails(event.data) };
    default:
      return assertNever(event);
  }
}

/** The snapshot a candidacy command carries; undefined when the programme does not exist. */
export function programmeSnapshot(state: ProgrammeState): ProgrammeSnapshot | undefined {
  switch (state.status) {
    case 'NONE':
      return undefined;
    case 'ACTIVE': {
      const { code, applicationWindow, pedagogicalLeadId } = state.programme;
      return { code, applicationWindow, pedagogicalLeadId };
    }
    default:
      return assertNever(state);
  }
}

export function pickDetails(data: ProgrammeDetails): ProgrammeDetails {
  const { code, nameFr, nameEn, places, intake, intakeDate, applicationWindow, pedagogicalLeadId } = data;
  return { code, nameFr, nameEn, places, intake, intakeDate, applicationWindow, pedagogicalLeadId };
}
