import { EventStore, stateFrom } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import {
  ProgrammeSnapshot,
  ProgrammeState,
  evolveProgramme,
  initialProgrammeState,
  programmeSnapshot,
} from '../domain';

export const programmeStreamId = (code: string): string => `programme-${code}`;

/** Reads a programme from its own stream (the write model), never from a lagging read model. */
@Injectable()
export class ProgrammeRepository {
  constructor(private readonly store: EventStore) {}

  async state(code: string): Promise<ProgrammeState> {
    const stream = await this.store.readStream(programmeStreamId(code));
    return stateFrom({ initialState: initialProgrammeState, evolve: evolveProgramme }, stream.events);
  }

  async snapshot(code: string): Promise<ProgrammeSnapshot | undefined> {
    return programmeSnapshot(await this.state(code));
  }
}
