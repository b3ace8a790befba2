// A programme's jury sits (JURY-1: once a month) for the candidates awaiting a session and decides
// in agenda order (JURY-2), asking more admissions than places so that the jury refuses some
// (JURY-5); the admitted enrol, decline, or let the offer run out (JURY-4).
import { sessionInstant } from '../../e2e/season/jury-time';
import type { LoadClient, Person } from './client';
import type { LoadCounts } from './counts';

/** How far ahead the jury convenes a session. */
const SESSION_LEAD_MS = 6_000;
const REASONS: Readonly<Record<string, string>> = {
  ADMITTED: 'Dossier solide et avis favorable du responsable pédagogique',
  WAITLISTED: 'Dossier recevable ; places limitées',
  REJECTED: 'Adéquation insuffisante avec le programme',
};

interface Books {
  readonly sessions: readonly { readonly sessionId: string; readonly agenda: readonly { candidateId: string }[] }[];
  readonly awaitingSession: readonly string[];
}

/** The decision reply (DecisionReplyDto): the offer when the candidate was admitted. */
interface Decided {
  readonly offer: { readonly offerId: string } | null;
}

export class Jury {
  private readonly juror: Person;

  constructor(
    private readonly client: LoadClient,
    private readonly counts: LoadCounts,
    /** The jury service's clock (it runs months ahead: JURY-1 seats juries January–July only). */
    private readonly juryNow: () => Date,
  ) {
    this.juror = client.as('jury', 'jury-member', 'chaos-juror');
  }

  /** The candidates awaiting a session of the programme, as the jury's books show them (none when it does not answer). */
  async awaiting(code: string): Promise<readonly string[]> {
    const books = await this.juror.read<Books>('/v1/programmes/:code/sessions', { code });
    return books.ok ? books.body.awaitingSession : [];
  }

  /** Whether the jury knows the programme yet (it learns of it through Kafka). */
  async knows(code: string): Promise<boolean> {
    return (await this.juror.read('/v1/programmes/:code/sessions', { code })).ok;
  }

  /** A session for the candidates awaiting one, then a decision for each; the offers' answers go on beside. */
  async sit(code: string, places: number, track: (work: Promise<void>) => void): Promise<void> {
    if ((await this.awaiting(code)).length === 0) return;
    const sitsAt = sessionInstant(this.juryNow(), SESSION_LEAD_MS);
    const at = { at: sitsAt.toISOString() };
    const scheduled = await this.juror.command<{ sessionId: string }>(
      'POST',
      '/v1/programmes/:code/sessions',
      { code },
      at,
    );
    if (!scheduled.ok) return;
    const { sessionId } = scheduled.body;
    await this.client.pause(sitsAt.getTime() - this.juryNow().getTime() + 1_000);
    const sat = await this.juror.read<Books>('/v1/programmes/:code/sessions', { code });
    const agenda = sat.ok ? (sat.body.sessions.find((s) => s.sessionId === sessionId)?.agenda ?? []) : [];
    for (const [rank, { candidateId }] of agenda.entries()) {
      if (this.client.stopped) return;
      const first = rank < places ? 'ADMITTED' : rank % 2 === 0 ? 'WAITLISTED' : 'REJECTED';
      const decided =
        (await this.decide(code, sessionId, candidateId, first)) ??
        (first === 'ADMITTED' ? await this.decide(code, sessionId, candidateId, 'WAITLISTED') : undefined);
      const offerId = decided?.offer?.offerId;
      if (offerId) track(this.answerOffer(code, offerId, candidateId));
    }
  }

  private async decide(code: string, session: string, candidateId: string, decision: string) {
    const body = { candidateId, decision, reason: REASONS[decision] };
    const route = '/v1/programmes/:code/sessions/:session/decisions';
    const reply = await this.juror.command<Decided>('POST', route, { code, session }, body);
    if (!reply.ok) return undefined;
    this.counts.decisions += 1;
    return reply.body;
  }

  /**
   * Of the offers in the order made, a third run out (at the clocks' next jump), a third enrol, a
   * third decline. The first runs out, so that a run whose faults let a single offer through
   * before the jump still has a deadline come due under them.
   */
  private async answerOffer(code: string, offerId: string, candidateId: string): Promise<void> {
    const nth = (this.counts.offers += 1);
    if (nth % 3 === 1) return;
    await this.client.pause(1_000);
    const act = nth % 3 === 2 ? 'enrolment' : 'decline';
    const candidate = this.client.as('jury', 'candidate', candidateId);
    const reply = await candidate.command('POST', `/v1/programmes/:code/offers/:offerId/${act}`, { code, offerId });
    if (reply.ok && act === 'enrolment') this.counts.enrolled += 1;
    if (reply.ok && act === 'decline') this.counts.declined += 1;
  }
}
