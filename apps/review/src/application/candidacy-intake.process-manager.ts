import type { Clock } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import type { ReceivedEvent } from '@admissions/messaging';
import { CLOCK, currentCorrelationId, EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type IntakeCommand, intakeDecider, intakeStreamId, reviewDecider, reviewStreamId } from '../domain';
import {
  type CandidacySubmittedData,
  type CandidacyWithdrawnData,
  submissionOf,
  type SubmissionRankData,
} from './candidacy-events';
import { type Cause, ReviewAssignment } from './review-assignment';
import { systemMetadata } from './system-actor';

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
    private readonly runner: CommandRunner,
    private readonly assignment: ReviewAssignment,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const cause: Cause = {
      eventId: event.metadata.eventId,
      correlationId: currentCorrelationId() ?? event.metadata.correlationId,
    };
    switch (event.type) {
      case 'CandidacySubmitted': {
        const submission = submissionOf(event.data as CandidacySubmittedData);
        if (submission === null) {
          this.logger.warn({ msg: 'an ineligible file was submitted: not reviewed (CAND-2)', eventId: cause.eventId });
          return;
        }
        return this.intake(submission.candidacyId, { type: 'RecordSubmission', data: submission }, cause);
      }
      case 'SubmissionRanked': {
        const { candidacyId, programmeCode, rank } = event.data as SubmissionRankData;
        return this.intake(
          candidacyId,
          { type: 'RecordSubmissionRank', data: { candidacyId, programmeCode, rank } },
          cause,
        );
      }
      case 'CandidacyWithdrawn':
        return this.withdraw(event.data as CandidacyWithdrawnData, cause);
      default:
        return;
    }
  }

  private async intake(candidacyId: string, command: Omit<IntakeCommand, 'metadata'>, cause: Cause): Promise<void> {
    const { state } = await this.runner.run(
      intakeDecider,
      intakeStreamId(candidacyId),
      { ...command, metadata: systemMetadata(this.clock.now()) } as IntakeCommand,
      { correlationId: cause.correlationId, causationId: cause.eventId },
    );
    await this.assignment.openWhenReady(state, cause);
  }

  private async withdraw({ candidacyId, programmeCode }: CandidacyWithdrawnData, cause: Cause): Promise<void> {
    const options = { correlationId: cause.correlationId, causationId: cause.eventId };
    const { state } = await this.runner.run(
      intakeDecider,
      intakeStreamId(candidacyId),
      { type: 'RecordWithdrawal', data: { candidacyId }, metadata: systemMetadata(this.clock.now()) },
      options,
    );
    await this.runner.run(
      reviewDecider,
      reviewStreamId(candidacyId),
      { type: 'CloseReview', data: { reason: 'CANDIDACY_WITHDRAWN' }, metadata: systemMetadata(this.clock.now()) },
      options,
    );
    const programme = programmeCode ?? state.submission?.programmeCode;
    if (programme !== undefined) await this.assignment.untrack(programme, candidacyId, cause);
  }
}
