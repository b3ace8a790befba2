import { NotFoundError } from '@admissions/domain-kernel';
import type { ReceivedEvent } from '@admissions/messaging';
import { EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ParkedIntakeRepository } from '../infrastructure/parked-intake.repository';
import { SYSTEM_ACTOR } from './jury-streams';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';

/** What the jury reads of candidacy's ProgrammeCreated / ProgrammeChanged (libs/contracts). */
interface ProgrammeFacts {
  readonly code: string;
  readonly places: number;
}

/**
 * JURY-5: the jury counts seats against the places candidacy gives each programme. A created
 * programme opens its book (DefineProgramme); a change sets its places (ChangePlaces, refused
 * below the seats taken), or opens the book if the creation was never seen. The event id is the
 * causation, so a redelivered event changes nothing. Admissible candidates that arrived before
 * their programme are then put on its agenda.
 */
@Injectable()
export class ProgrammeCatalogue implements OnModuleInit {
  private readonly logger = new Logger(ProgrammeCatalogue.name);

  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly writer: ProgrammeAdmissionsWriter,
    private readonly parked: ParkedIntakeRepository,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'jury.programme-catalogue',
      topics: [eventTopicOf('candidacy')],
      types: ['ProgrammeCreated', 'ProgrammeChanged'],
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const { code, places } = event.data as ProgrammeFacts;
    const causationId = event.metadata.eventId;
    if (event.type === 'ProgrammeChanged') {
      try {
        await this.writer.run(SYSTEM_ACTOR, code, { type: 'ChangePlaces', data: { places } }, causationId);
        return;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    await this.writer.run(
      SYSTEM_ACTOR,
      code,
      { type: 'DefineProgramme', data: { programmeCode: code, places } },
      causationId,
    );
    await this.takeInParked(code);
  }

  private async takeInParked(programmeCode: string): Promise<void> {
    for (const intake of await this.parked.ofProgramme(programmeCode)) {
      await this.writer.run(
        SYSTEM_ACTOR,
        programmeCode,
        { type: 'AddToAgenda', data: intake.candidate },
        intake.eventId,
      );
      await this.parked.remove(intake.candidacyId);
      this.logger.log({ msg: 'parked admissible candidate taken in', programmeCode, candidacyId: intake.candidacyId });
    }
  }
}
