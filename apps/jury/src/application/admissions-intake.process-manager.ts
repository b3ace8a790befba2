import { NotFoundError } from '@admissions/domain-kernel';
import type { ReceivedEvent } from '@admissions/messaging';
import { CommandGateway, EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AddToAgenda, admissionFileDecider, type LeadOpinion } from '../domain';
import { ParkedIntakeRepository } from '../infrastructure/parked-intake.repository';
import { admissionFileStreamId, SYSTEM_ACTOR } from './jury-streams';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { REVIEW_FACTS, reviewFactOf } from './review-facts';

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
 *
 * The other facts of the file that review gives on the way (eligibility, interview, opinion and its
 * corrections) go to the jury's file of the candidacy, so that each decision can be explained as
 * the jury had the file then. One consumer group reads them all: one partition keeps a
 * candidacy's review events in order.
 */
@Injectable()
export class AdmissionsIntake implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly writer: ProgrammeAdmissionsWriter,
    private readonly gateway: CommandGateway,
    private readonly parked: ParkedIntakeRepository,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'jury.admissions-intake',
      topics: [eventTopicOf('review')],
      types: ['CandidateDeclaredAdmissible', ...REVIEW_FACTS],
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const fact = reviewFactOf(event);
    if (fact === undefined) return this.admit(event);
    // The source event is the causation: the explanation of a decision cites it (issue 15.7).
    const streamId = admissionFileStreamId(fact.data.candidacyId);
    await this.gateway.handle(admissionFileDecider, streamId, fact, this.gateway.causedBy(event.metadata.eventId));
  }

  private async admit(event: ReceivedEvent): Promise<void> {
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
