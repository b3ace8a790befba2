import { IllegalStateError, NotFoundError } from '@admissions/domain-kernel';
import { EventStore, stateFrom } from '@admissions/event-store';
import { CommandGateway } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import {
  type IntakeState,
  leadForSubmission,
  programmeDirectoryDecider,
  type ProgrammeDirectoryState,
  programmeStreamId,
  readyToOpen,
  reviewDecider,
  reviewStreamId,
} from '../domain';

/**
 * REV-1: opening a review with its programme's lead, and keeping the open reviews with the
 * programme's current lead. Every step is idempotent, so a redelivered event (or one handled
 * again after a crash half-way) finishes what was started and changes nothing else.
 */
@Injectable()
export class ReviewAssignment {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
  ) {}

  /** Opens the review once the intake knows the file and its rank (CAND-3), then tracks it. */
  async openWhenReady(intake: IntakeState, eventId: string): Promise<void> {
    const file = readyToOpen(intake);
    if (file === null) return;
    const { candidacyId, programmeCode, submissionRank, submittedAt: _submittedAt, leadId: _leadId, ...rest } = file;
    const leadId = leadForSubmission(await this.directory(programmeCode), file);
    const opened = await this.gateway.handle(
      reviewDecider,
      reviewStreamId(candidacyId),
      { type: 'OpenReview', data: { candidacyId, programmeCode, submissionRank, leadId, ...rest } },
      this.gateway.causedBy(eventId),
      // A review is opened once per file: its stream is new but for a redelivery.
      { expectNew: true },
    );
    // Tracking and a change of lead are serialised on the programme's stream: whichever comes
    // second sees the other, so the review ends with the lead of the latest change.
    const tracked = await this.gateway.handle(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      { type: 'TrackReview', data: { programmeCode, candidacyId } },
      this.gateway.causedBy(eventId),
    );
    const review = opened.state;
    if (review.status === 'NOT_OPENED' || review.status === 'CLOSED') return;
    const current = leadForSubmission(tracked.state, file);
    if (current !== review.leadId) await this.reassign(candidacyId, current);
  }

  /** A programme's lead (created or changed): every review it tracks follows the new lead. */
  async recordLead(programmeCode: string, leadId: string, effectiveAt: string, eventId: string): Promise<void> {
    const { state } = await this.gateway.handle(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      { type: 'RecordProgrammeLead', data: { programmeCode, leadId, effectiveAt } },
      this.gateway.causedBy(eventId),
    );
    // Only the event that set the current lead moves the files (again, if it is redelivered);
    // an older one, or a change of another field, leaves them where they are.
    const { lead } = state;
    if (lead === null || lead.leadId !== leadId || Date.parse(lead.since) !== Date.parse(effectiveAt)) return;
    for (const candidacyId of state.reviews) await this.reassign(candidacyId, lead.leadId);
  }

  /** A withdrawn candidacy's review no longer follows the programme's lead. */
  async untrack(programmeCode: string, candidacyId: string, eventId: string): Promise<void> {
    await this.gateway.handle(
      programmeDirectoryDecider,
      programmeStreamId(programmeCode),
      { type: 'UntrackReview', data: { programmeCode, candidacyId } },
      this.gateway.causedBy(eventId),
    );
  }

  private async reassign(candidacyId: string, leadId: string): Promise<void> {
    try {
      // No causation id: one event may reassign a review twice (open, then a lead change); the
      // decider answers nothing when the review already has this lead.
      await this.gateway.handle(
        reviewDecider,
        reviewStreamId(candidacyId),
        { type: 'ReassignReview', data: { leadId } },
        this.gateway.system,
      );
    } catch (error) {
      // Not opened yet: it will see this lead when it is tracked. Closed: nothing to follow.
      if (error instanceof NotFoundError || error instanceof IllegalStateError) return;
      throw error;
    }
  }

  /** What this process knows of the programme is enough to pick a lead: tracking corrects a stale one. */
  private async directory(programmeCode: string): Promise<ProgrammeDirectoryState> {
    const streamId = programmeStreamId(programmeCode);
    const stream = (await this.store.cachedStream(streamId)) ?? (await this.store.readStream(streamId));
    return stateFrom(programmeDirectoryDecider, stream.events);
  }
}
