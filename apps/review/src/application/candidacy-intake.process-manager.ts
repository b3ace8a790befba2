import type { ReceivedEvent } from '@admissions/messaging';
import { CommandGateway, EventSubscriptions, eventTopicOf, type Intent } from '@admissions/platform';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type IntakeCommand, intakeDecider, intakeStreamId, reviewDecider, reviewStreamId } from '../domain';
import {
  type CandidacySubmittedData,
  type CandidacyWithdrawnData,
  submissionOf,
  type SubmissionRankData,
} from './candidacy-events';
import { ReviewAssignment } from './review-assignment';

export const INTAKE_TYPES = ['CandidacySubmitted', 'SubmissionRanked', 'CandidacyWithdrawn'];

/**
 * REV-1: submitted files become reviews, withdrawn ones close. The file and its rank (CAND-3)
 * come as separate events of the file's stream (SubmissionRanked; the programme ledger's
 * SubmissionRegistered carries the same rank and is not read, one event per file is enough);
 * the intake keeps each once (causation = incoming event id) and the review opens when both are
 * known. A redelivered event changes nothing.
 */
@Injectable()
export class CandidacyIntake implements OnModuleInit {
  private readonly logger = new Logger(CandidacyIntake.name);

  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly gateway: CommandGateway,
    private readonly assignment: ReviewAssignment,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'review.candidacy-intake',
      topics: [eventTopicOf('candidacy')],
      types: INTAKE_TYPES,
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const { eventId } = event.metadata;
    switch (event.type) {
      case 'CandidacySubmitted': {
        const submission = submissionOf(event.data as CandidacySubmittedData);
        if (submission === null) {
          this.logger.warn({ msg: 'an ineligible file was submitted: not reviewed (CAND-2)', eventId });
          return;
        }
        return this.intake(submission.candidacyId, { type: 'RecordSubmission', data: submission }, eventId);
      }
      case 'SubmissionRanked': {
        const { candidacyId, programmeCode, rank } = event.data as SubmissionRankData;
        const data = { candidacyId, programmeCode, rank };
        return this.intake(candidacyId, { type: 'RecordSubmissionRank', data }, eventId);
      }
      case 'CandidacyWithdrawn':
        return this.withdraw(event.data as CandidacyWithdrawnData, eventId);
      default:
        return;
    }
  }

  private async intake(candidacyId: string, intent: Intent<IntakeCommand>, eventId: string): Promise<void> {
    const cause = this.gateway.causedBy(eventId);
    // The file's first event finds no intake stream, its second the one this process wrote.
    const { state } = await this.gateway.handle(intakeDecider, intakeStreamId(candidacyId), intent, cause, {
      expectNew: true,
    });
    await this.assignment.openWhenReady(state, eventId);
  }

  private async withdraw({ candidacyId, programmeCode }: CandidacyWithdrawnData, eventId: string): Promise<void> {
    const cause = this.gateway.causedBy(eventId);
    const { state } = await this.gateway.handle(
      intakeDecider,
      intakeStreamId(candidacyId),
      { type: 'RecordWithdrawal', data: { candidacyId } },
      cause,
    );
    await this.gateway.handle(
      reviewDecider,
      reviewStreamId(candidacyId),
      { type: 'CloseReview', data: { reason: 'CANDIDACY_WITHDRAWN' } },
      cause,
    );
    const programme = programmeCode ?? state.submission?.programmeCode;
    if (programme !== undefined) await this.assignment.untrack(programme, candidacyId, eventId);
  }
}
