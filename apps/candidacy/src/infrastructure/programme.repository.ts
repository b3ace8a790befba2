import { EventStore } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import {
  ProgrammeEvent,
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
    return (stream.events as unknown as ProgrammeEvent[]).reduce(evolveProgramme, initialProgrammeState());
  }

  async snapshot(code: string): Promise<ProgrammeSnapshot | undefined> {
    return programmeSnapshot(await this.state(code));
  }
}
