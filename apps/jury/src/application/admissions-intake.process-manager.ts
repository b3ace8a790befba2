import { NotFoundError } from '@admissions/domain-kernel';
import type { ReceivedEvent } from '@admissions/messaging';
import { EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AddToAgenda, LeadOpinion } from '../domain';
import { ParkedIntakeRepository } from '../infrastructure/parked-intake.repository';
import { SYSTEM_ACTOR } from './jury-streams';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';

/** What the jury reads of review's CandidateDeclaredAdmissible (libs/contracts). */
interface DeclaredAdmissible {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly submissionRank: number;
  readonly leadOpinion: LeadOpinion;
}

/**
 * REV-4 → JURY-2: an admissible candidate joins the agenda of the next open session of the
 * programme, with the lead's reasoned opinion (or waits for the next session to be scheduled).
 * The event id is the causation: a redelivered event changes nothing. A candidate whose
 * programme the jury does not know yet is parked until the catalogue defines it.
 */
@Injectable()
export class AdmissionsIntake implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly writer: ProgrammeAdmissionsWriter,
    private readonly parked: ParkedIntakeRepository,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'jury.admissions-intake',
      topics: [eventTopicOf('review')],
      types: ['CandidateDeclaredAdmissible'],
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const { candidacyId, candidateId, programmeCode, submissionRank, leadOpinion } = event.data as DeclaredAdmissible;
    const candidate: AddToAgenda['data'] = {
      candidateId,
      candidacyId,
      submissionRank,
      leadOpinion: { opinion: leadOpinion.opinion, motivation: leadOpinion.motivation },
    };
    if (await this.addToAgenda(programmeCode, candidate, event.metadata.eventId)) return;
    await this.parked.park({
      candidacyId,
      programmeCode,
      eventId: event.metadata.eventId,
      correlationId: event.metadata.correlationId,
      candidate,
      parkedAt: new Date(),
    });
    // The catalogue may have defined the programme between the refusal and the parking.
    if (await this.addToAgenda(programmeCode, candidate, event.metadata.eventId)) await this.parked.remove(candidacyId);
  }

  /** False when the programme is unknown to the jury. */
  private async addToAgenda(programmeCode: string, candidate: AddToAgenda['data'], causationId: string) {
    try {
      await this.writer.run(SYSTEM_ACTOR, programmeCode, { type: 'AddToAgenda', data: candidate }, causationId);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }
}
