import { foldEvents, type Actor, type Clock } from '@admissions/domain-kernel';
import { DeadlineScheduler } from '@admissions/deadlines';
import { CommandRunner, EventStore, type StoredEvent } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type ProposalsMade, type ReferralCommand, type ReferralState, referralDecider } from '../domain';
import { KeyedLock } from './keyed-lock';
import { referralLapseDeadlineId, referralStreamId } from './jury-streams';

export type ReferralIntent = Omit<ReferralCommand, 'metadata'>;

/** The LapseReferral deadline's command data. */
export interface LapseReferralDue {
  readonly candidateId: string;
  readonly referralId: string;
}

/**
 * The write path of a candidate's referral (`referral-<candidateId>`); when the proposals are
 * made, a deadline lapses them at the end of the 15-day answer window (REC-7).
 */
@Injectable()
export class ReferralWriter {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    private readonly scheduler: DeadlineScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    actor: Actor,
    candidateId: string,
    intent: ReferralIntent,
    causationId?: string,
  ): Promise<{ events: StoredEvent[]; state: ReferralState }> {
    const streamId = referralStreamId(candidateId);
    const result = await this.lock.run(streamId, () =>
      this.runner.run(referralDecider, streamId, this.command(actor, intent), {
        correlationId: currentCorrelationId() ?? randomUUID(),
        causationId,
      }),
    );
    await this.scheduleLapse(result.events);
    return { events: result.events, state: result.state };
  }

  /** What the command would append now, without appending: a dry run that throws its refusal. */
  async preview(actor: Actor, candidateId: string, intent: ReferralIntent): Promise<readonly string[]> {
    const state = await this.load(candidateId);
    return referralDecider.decide(this.command(actor, intent), state).map((event) => event.type);
  }

  async load(candidateId: string): Promise<ReferralState> {
    const stream = await this.store.readStream(referralStreamId(candidateId));
    return foldEvents(referralDecider, stream.events as never);
  }

  private command(actor: Actor, intent: ReferralIntent): ReferralCommand {
    return { ...intent, metadata: { now: this.clock.now(), actor } } as ReferralCommand;
  }

  private async scheduleLapse(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'ProposalsMade') continue;
      const { referralId, candidateId, answerDueAt } = (event as unknown as ProposalsMade).data;
      const due: LapseReferralDue = { candidateId, referralId };
      await this.scheduler.schedule(referralLapseDeadlineId(referralId), new Date(Date.parse(answerDueAt) + 1), {
        type: 'LapseReferral',
        data: due,
      });
    }
  }
}
