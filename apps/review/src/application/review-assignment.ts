import { type Clock, foldEvents, IllegalStateError, NotFoundError } from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import { CLOCK } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import {
  type IntakeState,
  leadForSubmission,
  type ProgrammeDirectoryEvent,
  programmeDirectoryDecider,
  type ProgrammeDirectoryState,
  programmeStreamId,
  readyToOpen,
  reviewDecider,
  reviewStreamId,
} from '../domain';
import { systemMetadata } from './system-actor';

/** Who caused a system command: the incoming event (idempotency) and its correlation. */
export interface Cause {
  readonly eventId: string;
  readonly correlationId: string;
}

/**
 * REV-1: opening a review with its programme's lead, and keeping the open reviews with the
 * programme's current lead. Every step is idempotent, so a redelivered event (or one handled
 * again after a crash half-way) finishes what was started and changes nothing else.
 */
@Injectable()
export class ReviewAssignment {
  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens the review once the intake knows the file and its rank (CAND-3), then tracks it. */
  async openWhenReady(intake: IntakeState, cause: Cause): Promise<void> {
    const file = readyToOpen(intake);
    if (file === null) return;
    const { candidacyId, programmeCode, submissionRank, submittedAt: _submittedAt, leadId: _leadId, ...rest } = file;
    const leadId = leadForSubmission(await this.directory(programmeCode), file);
    const opened = await this.runner.run(
      reviewDecider,
      reviewStreamId(candidacyId),
      {
        type: 'OpenReview',
        data: { candidacyId, programmeCode, submissionRank, leadId, ...rest },
        metadata: systemMetadata(this.clock.now()),
      },
      { correlationId: cause.correlationId, causationId: cause.eventId },
    );
    // Tracking and a change of lead are serialised on the programme's stream: whichever comes
    // second sees the other, so the review ends with the lead of the latest change.
    const tracked = await this.runner.run(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      { type: 'TrackReview', data: { programmeCode, candidacyId }, metadata: systemMetadata(this.clock.now()) },
      { correlationId: cause.correlationId, causationId: cause.eventId },
    );
    const review = opened.state;
    if (review.status === 'NOT_OPENED' || review.status === 'CLOSED') return;
    const current = leadForSubmission(tracked.state, file);
    if (current !== review.leadId) await this.reassign(candidacyId, current, cause);
  }

  /** A programme's lead (created or changed): every review it tracks follows the new lead. */
  async recordLead(programmeCode: string, leadId: string, effectiveAt: string, cause: Cause): Promise<void> {
    const { state } = await this.runner.run(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      {
        type: 'RecordProgrammeLead',
        data: { programmeCode, leadId, effectiveAt },
        metadata: systemMetadata(this.clock.now()),
      },
      { correlationId: cause.correlationId, causationId: cause.eventId },
    );
    // Only the event that set the current lead moves the files (again, if it is redelivered);
    // an older one, or a change of another field, leaves them where they are.
    const { lead } = state;
    if (lead === null || lead.leadId !== leadId || Date.parse(lead.since) !== Date.parse(effectiveAt)) return;
    for (const candidacyId of state.reviews) await this.reassign(candidacyId, lead.leadId, cause);
  }

  /** A withdrawn candidacy's review no longer follows the programme's lead. */
  async untrack(programmeCode: string, candidacyId: string, cause: Cause): Promise<void> {
    await this.runner.run(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      { type: 'UntrackReview', data: { programmeCode, candidacyId }, metadata: systemMetadata(this.clock.now()) },
      { correlationId: cause.correlationId, causationId: cause.eventId },
    );
  }

  private async reassign(candidacyId: string, leadId: string, cause: Cause): Promise<void> {
    try {
      // No causation id: one event may reassign a review twice (open, then a lead change); the
      // decider answers nothing when the review already has this lead.
      await this.runner.run(
        reviewDecider,
        reviewStreamId(candidacyId),
        { type: 'ReassignReview', data: { leadId }, metadata: systemMetadata(this.clock.now()) },
        { correlationId: cause.correlationId },
      );
    } catch (error) {
      // Not opened yet: it will see this lead when it is tracked. Closed: nothing to follow.
      if (error instanceof NotFoundError || error instanceof IllegalStateError) return;
      throw error;
    }
  }

  private async directory(programmeCode: string): Promise<ProgrammeDirectoryState> {
    const stream = await this.store.readStream(programmeStreamId(programmeCode));
    return foldEvents(programmeDirectoryDecider, stream.events as unknown as ProgrammeDirectoryEvent[]);
  }
}
