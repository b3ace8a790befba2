import { foldEvents, type Actor } from '@admissions/domain-kernel';
import { DeadlineScheduler, type DeadlineRequest } from '@admissions/deadlines';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { CommandGateway, type Intent } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import { type ProposalsMade, type ReferralCommand, type ReferralState, referralDecider } from '../domain';
import { referralLapseDeadlineId, referralStreamId } from './jury-streams';

export type ReferralIntent = Intent<ReferralCommand>;

/** The LapseReferral deadline's command data. */
export interface LapseReferralDue {
  readonly candidateId: string;
  readonly referralId: string;
}

/**
 * The write path of a candidate's referral (`referral-<candidateId>`); when the proposals are
 * made, a deadline lapses them at the end of the 15-day answer window (REC-7), scheduled at once
 * and again from the log by JuryDeadlinesFromLog.
 */
@Injectable()
export class ReferralWriter {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
    private readonly scheduler: DeadlineScheduler,
  ) {
    gateway.onCommitted(referralDecider, (events) => this.scheduleLapse(events));
  }

  async run(
    actor: Actor,
    candidateId: string,
    intent: ReferralIntent,
    causationId?: string,
  ): Promise<{ events: StoredEvent[]; state: ReferralState }> {
    const { events, state } = await this.gateway.handle(referralDecider, referralStreamId(candidateId), intent, {
      actor,
      causationId,
    });
    return { events, state };
  }

  /** What the command would append now, without appending: a dry run that throws its refusal. */
  async preview(actor: Actor, candidateId: string, intent: ReferralIntent): Promise<readonly string[]> {
    const state = await this.load(candidateId);
    return this.gateway.dryRun(referralDecider, state, intent, { actor }).map((event) => event.type);
  }

  async load(candidateId: string): Promise<ReferralState> {
    const stream = await this.store.readStream(referralStreamId(candidateId));
    return foldEvents(referralDecider, stream.events as never);
  }

  /** Once per referral, however often it is asked (after the commit, then from the log). */
  async scheduleLapse(events: readonly StoredEvent[]): Promise<void> {
    const lapses = events.flatMap((event): DeadlineRequest[] => {
      if (event.type !== 'ProposalsMade') return [];
      const { referralId, candidateId, answerDueAt } = event.data as ProposalsMade['data'];
      const due: LapseReferralDue = { candidateId, referralId };
      const dueAt = new Date(Date.parse(answerDueAt) + 1);
      return [
        { deadlineId: referralLapseDeadlineId(referralId), dueAt, command: { type: 'LapseReferral', data: due } },
      ];
    });
    await this.scheduler.scheduleManyOnce(lapses);
  }
}
