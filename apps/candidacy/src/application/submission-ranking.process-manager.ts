import { LogReactions, type StoredEvent } from '@admissions/event-store';
import { CommandGateway, runWithCorrelation } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CandidacySubmitted, submissionLedgerDecider, submissionLedgerStreamId } from '../domain';
import { CandidacyWriter } from './candidacy-writer';

/** Files ranked at once: bounds the writes one large backlog sends to the database together. */
const RANKING_CONCURRENCY = 8;

type Submitted = StoredEvent<CandidacySubmitted>;

/**
 * CAND-3: files are handled in submission order, the order of the CandidacySubmitted events in
 * this service's log. The submissions read since the last round are registered on their
 * programme's ledger (one stream per programme: optimistic concurrency keeps one order, one
 * command for the programme's new files), then each file records the rank it got. The
 * programmes go on side by side. Everything is idempotent: a round handled again after a
 * failure or a restart registers nothing twice and gives no file another rank.
 */
@Injectable()
export class SubmissionRanking implements OnModuleInit {
  constructor(
    private readonly reactions: LogReactions,
    private readonly gateway: CommandGateway,
    private readonly writer: CandidacyWriter,
  ) {}

  onModuleInit(): void {
    this.reactions.add({
      name: 'submission-ranking',
      types: ['CandidacySubmitted'],
      handle: (events) => this.rank(events as readonly Submitted[]),
    });
  }

  async rank(submissions: readonly Submitted[]): Promise<void> {
    const byProgramme = new Map<string, Submitted[]>();
    for (const submission of submissions) {
      const { programmeCode } = submission.data;
      byProgramme.set(programmeCode, [...(byProgramme.get(programmeCode) ?? []), submission]);
    }
    await Promise.all([...byProgramme].map(([programmeCode, files]) => this.rankInProgramme(programmeCode, files)));
  }

  private async rankInProgramme(programmeCode: string, files: readonly Submitted[]): Promise<void> {
    const candidacyIds = files.map((file) => file.data.candidacyId);
    const ledger = await runWithCorrelation(files[0].metadata.correlationId, () =>
      this.gateway.handle(
        submissionLedgerDecider,
        submissionLedgerStreamId(programmeCode),
        { type: 'RegisterSubmission', data: { programmeCode, candidacyIds } },
        this.gateway.system,
      ),
    );
    if (ledger.state.status !== 'OPEN') throw new Error(`the ${programmeCode} ledger registered nothing`);
    const { ranks } = ledger.state;
    for (let next = 0; next < files.length; next += RANKING_CONCURRENCY) {
      await Promise.all(
        files.slice(next, next + RANKING_CONCURRENCY).map(({ data, metadata }) =>
          // The rank is caused by the submission: its correlation and event id go with it.
          runWithCorrelation(metadata.correlationId, () =>
            this.writer.run(
              this.gateway.system.actor,
              data.candidacyId,
              { type: 'RankSubmission', data: { rank: ranks[data.candidacyId] } },
              metadata.eventId,
            ),
          ),
        ),
      );
    }
  }
}
