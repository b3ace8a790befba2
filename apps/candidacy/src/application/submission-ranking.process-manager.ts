import type { Actor, Clock } from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import type { ReceivedEvent } from '@admissions/messaging';
import { CLOCK, EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CandidacySubmitted, submissionLedgerDecider, submissionLedgerStreamId } from '../domain';
import { CandidacyEnv } from '../config';
import { CandidacyWriter, candidacyStreamId } from './candidacy-writer';

const SYSTEM: Actor = { id: 'system:candidacy', roles: ['admin'] };

/**
 * CAND-3: files are handled in submission order. Each CandidacySubmitted is registered on its
 * programme's ledger (one stream per programme, so optimistic concurrency serialises the
 * programme's submissions into one order), then the rank it got is recorded on the file.
 * Both commands carry the event id as causation: a redelivered event changes nothing.
 */
@Injectable()
export class SubmissionRanking implements OnModuleInit {
  private readonly logger = new Logger(SubmissionRanking.name);

  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    private readonly writer: CandidacyWriter,
    private readonly env: CandidacyEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: this.env.SUBMISSION_RANKING_GROUP,
      topics: [eventTopicOf('candidacy')],
      types: ['CandidacySubmitted'],
      handler: (event) => this.onSubmitted(event),
    });
  }

  async onSubmitted(event: ReceivedEvent): Promise<void> {
    const { candidacyId, programmeCode } = (event as unknown as CandidacySubmitted).data;
    const causation = { correlationId: event.metadata.correlationId, causationId: event.metadata.eventId };
    if (!(await this.isOwnEvent(event, candidacyId))) {
      // Another deployment sharing the topic (a test run, a staging copy): not this database's file.
      // Debug, not warn: a fresh local group replays every test run's submissions.
      this.logger.debug({ msg: 'CandidacySubmitted of an unknown file skipped', candidacyId });
      return;
    }
    const metadata = { now: this.clock.now(), actor: SYSTEM };
    const ledger = await this.runner.run(
      submissionLedgerDecider,
      submissionLedgerStreamId(programmeCode),
      { type: 'RegisterSubmission', data: { programmeCode, candidacyId }, metadata },
      causation,
    );
    const rank = ledger.state.status === 'OPEN' ? ledger.state.ranks[candidacyId] : undefined;
    if (rank === undefined) throw new Error(`the ${programmeCode} ledger gave ${candidacyId} no rank`);
    await this.writer.run(SYSTEM, candidacyId, { type: 'RankSubmission', data: { rank } }, event.metadata.eventId);
  }

  /** The event is in this service's own store (same id), not merely on the shared topic. */
  private async isOwnEvent(event: ReceivedEvent, candidacyId: string): Promise<boolean> {
    const stream = await this.store.readStream(candidacyStreamId(candidacyId));
    return stream.events.some((stored) => stored.metadata.eventId === event.metadata.eventId);
  }
}
