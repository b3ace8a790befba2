// The season, through the services' HTTP APIs only: an officer opens programmes, candidates apply,
// each programme's lead reviews the files, the juries decide, the candidates read the decision in
// their inbox. Along the way it times how long each write takes to reach the next reader.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Role } from '../../libs/platform/src/auth';
import { type SeasonConfig, SERVICES } from './config';
import { candidateFile, pdfForm, programmeBody } from './fixtures';
import { type Api, Http, HttpLog, type Reply, type RouteSummary } from './http';
import { type JuryTime, sessionInstant } from './jury-time';
import { PropagationWatch } from './propagation-watch';
import { TaskPool } from './task-pool';

export interface SeasonDeps {
  /** A bearer token the services accept for this subject and role. */
  readonly token: (subject: string, role: Role) => string;
  readonly juryTime: JuryTime;
  /** Stops the run early (Ctrl-C); the global timeout stops it anyway. */
  readonly signal?: AbortSignal;
  /** Told where the run stands, every few seconds. */
  readonly progress?: (line: string) => void;
}

export type Decision = 'ADMITTED' | 'WAITLISTED' | 'REJECTED';

export interface ProgrammePlan {
  readonly code: string;
  readonly leadId: string;
  readonly places: number;
  readonly candidates: number;
}

/** One candidate's season; the delays are in milliseconds, each from a write's answer to its sighting. */
export interface CandidateRecord {
  readonly index: number;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly leadId: string;
  /** Half the files get an interview (REV-2); the others an opinion without one (REV-4). */
  readonly interview: boolean;
  candidacyId?: string;
  submittedAt?: string;
  /** Submission → the file in the lead's worklist. */
  worklistMs?: number;
  admissible?: boolean;
  /** The lead's opinion → the candidate on the jury's books (awaiting a session or on an agenda). */
  juryMs?: number;
  decision?: Decision;
  offerId?: string;
  /** The jury's decision → the decision in the candidate's inbox. */
  inboxMs?: number;
  /** One of the inboxes the watch reads first, whose delays the report's figures are taken from. */
  inboxTimed?: boolean;
  /** Where this candidate's season ended early, and why. */
  stopped?: string;
}

export interface SessionRecord {
  readonly programmeCode: string;
  readonly sessionId: string;
  readonly sitsAt: string;
  readonly agenda: readonly string[];
}

export interface JuryOutcome {
  readonly status: 'decided' | 'stopped' | 'not reached';
  readonly reason?: string;
  readonly sessions: readonly SessionRecord[];
}

export interface SeasonResult {
  readonly runId: string;
  readonly startedAt: string;
  readonly wallMs: number;
  readonly config: SeasonConfig;
  /** Set when the run as a whole ended early (set-up failed, global timeout, interrupted). */
  readonly stoppedBy?: string;
  readonly phasesMs: Readonly<Record<string, number>>;
  readonly programmes: readonly ProgrammePlan[];
  readonly candidates: readonly CandidateRecord[];
  readonly jury: JuryOutcome;
  readonly http: readonly RouteSummary[];
}

/**
 * Reads of one watch in flight at once. The watches' reads load the services they measure (they
 * show in the HTTP table); a few at a time keep that small beside the season's own traffic.
 */
const READS_IN_FLIGHT = 3;
/**
 * Inboxes whose delay is timed, read before the others (PropagationWatch's `first`). One inbox is
 * one candidate's, so at full size a thousand may wait at once, and 3 reads in flight took about
 * 30 s to come round to each: the figure measured the watch, not the platform. The others are read
 * with what is left, to check that every decision arrives.
 */
const TIMED_INBOXES = 200;
/** How far ahead a lead books an interview: the outcome can only be recorded once it has passed (REV-2). */
const INTERVIEW_LEAD_MS = 3_000;
/** How far ahead the jury is convened when the calendar lets it sit now (JURY-1). */
const SESSION_LEAD_MS = 20_000;
const MOTIVATION = 'Parcours cohérent, expérience pertinente et projet professionnel clair pour ce mastère.';
const REASONS: Readonly<Record<Decision, string>> = {
  ADMITTED: 'Dossier solide et avis favorable du responsable pédagogique',
  WAITLISTED: 'Dossier recevable ; places limitées',
  REJECTED: 'Adéquation insuffisante avec le programme',
};

export function runSeason(config: SeasonConfig, deps: SeasonDeps): Promise<SeasonResult> {
  return new Season(config, deps).run();
}

/** A refused or missing step: it ends one candidate's season (or the run, during set-up). */
class StepFailed extends Error {}

function ok<T>(reply: Reply<T>, step: string): T {
  if (!reply.ok) throw new StepFailed(`${step}: ${reply.status > 0 ? `${reply.status} ` : ''}${reply.problem}`);
  return reply.body;
}

interface AgendaView {
  readonly sessions: readonly { readonly sessionId: string; readonly agenda: readonly { candidateId: string }[] }[];
  readonly awaitingSession: readonly string[];
}

class Season {
  private readonly runId: string;
  private readonly deadline: AbortSignal;
  private readonly stop: AbortSignal;
  private readonly http: Http;
  private readonly programmes: ProgrammePlan[];
  private readonly records: CandidateRecord[];
  private readonly applicants: TaskPool;
  /** Each lead works through their files one at a time, in the order they show up. */
  private readonly leads = new Map<string, TaskPool>();
  private readonly tokens = new Map<string, string>();
  private readonly worklists: PropagationWatch;
  private readonly juryBooks: PropagationWatch;
  private readonly inboxes: PropagationWatch;

  constructor(
    private readonly config: SeasonConfig,
    private readonly deps: SeasonDeps,
  ) {
    this.runId = config.runId ?? `${Date.now().toString(36).slice(-4)}${randomBytes(2).toString('hex')}`.toUpperCase();
    this.deadline = AbortSignal.timeout(config.timeoutMs);
    this.stop = deps.signal ? AbortSignal.any([this.deadline, deps.signal]) : this.deadline;
    // Every request and every wait listens to it: thousands at once in a full season, not a leak.
    setMaxListeners(0, this.stop);
    this.http = new Http(new HttpLog(), config.requestTimeoutMs, this.stop);
    this.programmes = Array.from({ length: config.programmes }, (_, n) => {
      const candidates =
        Math.floor(config.candidates / config.programmes) + (n < config.candidates % config.programmes ? 1 : 0);
      const code = `SEASON-${this.runId}-${n + 1}`;
      // Half the places: the jury admits, then waitlists and rejects (JURY-2, JURY-5).
      return { code, leadId: `lead-${code.toLowerCase()}`, places: Math.ceil(candidates / 2), candidates };
    });
    this.records = Array.from({ length: config.candidates }, (_, index) => {
      const { code, leadId } = this.programmes[index % config.programmes];
      const candidateId = `season-${this.runId.toLowerCase()}-c${index}`;
      const interview = Math.floor(index / config.programmes) % 2 === 0;
      return { index, candidateId, programmeCode: code, leadId, interview };
    });
    this.applicants = new TaskPool(config.concurrency, this.stop);
    for (const { leadId } of this.programmes) this.leads.set(leadId, new TaskPool(1, this.stop));
    const watch = { everyMs: config.pollMs, timeoutMs: config.propagationTimeoutMs, maxInFlight: READS_IN_FLIGHT };
    this.worklists = new PropagationWatch((leadId) => this.worklist(leadId), watch, this.stop);
    this.juryBooks = new PropagationWatch((code) => this.juryBook(code), watch, this.stop);
    this.inboxes = new PropagationWatch((candidateId) => this.inbox(candidateId), watch, this.stop);
  }

  async run(): Promise<SeasonResult> {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const phasesMs: Record<string, number> = {};
    const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const from = performance.now();
      try {
        return await work();
      } finally {
        phasesMs[phase] = Math.round(performance.now() - from);
      }
    };
    const ticker = this.deps.progress && setInterval(() => this.deps.progress?.(this.progressLine()), 5_000);
    let jury: JuryOutcome = { status: 'not reached', reason: 'the run ended before the juries', sessions: [] };
    let stoppedBy: string | undefined;
    try {
      await timed('setup', () => this.setUp());
      await timed('applications and reviews', () => Promise.all(this.records.map((c) => this.apply(c))));
      this.stop.throwIfAborted();
      jury = await timed('juries and inboxes', () => this.sitJuries());
    } catch (error) {
      stoppedBy = this.reasonOf(error);
    } finally {
      clearInterval(ticker);
    }
    return {
      runId: this.runId,
      startedAt,
      wallMs: Math.round(performance.now() - started),
      config: this.config,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
      phasesMs,
      programmes: this.programmes,
      candidates: this.records,
      jury,
      http: this.http.log.summary(),
    };
  }

  // ---- set-up ----------------------------------------------------------------------------------

  private async setUp(): Promise<void> {
    for (const service of SERVICES) {
      const url = this.config.urls[service];
      const ready = await this.http.send(service, url, 'GET', '/health/ready', {}, undefined);
      ok(ready, `${service} at ${url} is not ready (is \`npm start\` running?)`);
    }
    const officer = this.as('candidacy', 'season-officer', 'admissions-officer');
    for (const { code, places, leadId } of this.programmes) {
      ok(await officer.post('/v1/programmes', {}, programmeBody(code, places, leadId, new Date())), `create ${code}`);
    }
    // The jury learns of a programme through Kafka; its books must be open before anyone is admissible.
    const juror = this.juror();
    const until = performance.now() + this.config.propagationTimeoutMs;
    for (const { code } of this.programmes) {
      while (!(await juror.get('/v1/programmes/:code/sessions', { code })).ok) {
        if (performance.now() > until) throw new StepFailed(`the jury did not learn of ${code} in time`);
        await sleep(this.config.pollMs, undefined, { signal: this.stop });
      }
    }
  }

  // ---- a candidate's season up to the jury ----------------------------------------------------

  private async apply(c: CandidateRecord): Promise<void> {
    try {
      const submittedAt = await this.applicants.run(() => this.fillInAndSubmit(c));
      const candidacyId = c.candidacyId as string;
      c.worklistMs = await this.sighting(this.worklists.expect(c.leadId, candidacyId, submittedAt), 'lead worklist');
      const opinionAt = await this.review(c, candidacyId);
      if (!c.admissible) throw new StepFailed('declared not admissible');
      c.juryMs = await this.sighting(this.juryBooks.expect(c.programmeCode, c.candidateId, opinionAt), 'jury books');
    } catch (error) {
      c.stopped = this.reasonOf(error);
    }
  }

  /** CAND-1, CAND-2: the file from opening to submission; resolves at the submission's answer. */
  private async fillInAndSubmit(c: CandidateRecord): Promise<number> {
    const me = this.as('candidacy', c.candidateId, 'candidate');
    const file = candidateFile(c.index, this.runId);
    const opened = ok(await me.post<{ candidacyId: string }>('/v1/candidacies'), 'open a file');
    c.candidacyId = opened.candidacyId;
    const id = { id: opened.candidacyId };
    ok(await me.put('/v1/candidacies/:id/identity', id, file.identity), 'identity');
    ok(await me.put('/v1/candidacies/:id/diplomas', id, file.diplomas), 'diplomas');
    ok(await me.put('/v1/candidacies/:id/experience', id, file.experience), 'experience');
    ok(await me.put('/v1/candidacies/:id/programme', id, { programmeCode: c.programmeCode }), 'programme');
    for (const kind of ['CV', 'MOTIVATION_LETTER'] as const) {
      ok(await me.post('/v1/candidacies/:id/documents', id, await pdfForm(kind, opened.candidacyId)), kind);
    }
    ok(await me.post('/v1/candidacies/:id/submission', id), 'submission');
    c.submittedAt = new Date().toISOString();
    return performance.now();
  }

  /** REV-1..4: the lead opens the file, meets the candidate or not, and gives a favourable opinion. */
  private async review(c: CandidateRecord, candidacyId: string): Promise<number> {
    const lead = this.as('review', c.leadId, 'pedagogical-lead');
    const desk = this.leads.get(c.leadId) as TaskPool;
    const id = { id: candidacyId };
    const interviewAt = await desk.run(async () => {
      ok(await lead.get('/v1/reviews/:id', id), 'the lead opens the file');
      if (!c.interview) return undefined;
      const at = new Date(Date.now() + INTERVIEW_LEAD_MS);
      const slot = { at: at.toISOString(), mode: 'VIDEO', link: `https://visio.example.org/season/${candidacyId}` };
      ok(await lead.post('/v1/reviews/:id/interview', id, slot), 'schedule the interview');
      return at;
    });
    // The interview takes place away from the lead's desk, who meanwhile goes on with other files.
    if (interviewAt) await sleep(interviewAt.getTime() - Date.now() + 250, undefined, { signal: this.stop });
    return desk.run(async () => {
      if (c.interview) {
        const outcome = { conclusive: true, notes: 'Entretien concluant : projet clair et motivé.' };
        ok(await lead.post('/v1/reviews/:id/interview/outcome', id, outcome), 'interview outcome');
      }
      const opinion = { opinion: 'FAVOURABLE', motivation: MOTIVATION };
      const review = ok(await lead.post<{ status: string }>('/v1/reviews/:id/opinion', id, opinion), 'opinion');
      c.admissible = review.status === 'ADMISSIBLE';
      return performance.now();
    });
  }

  // ---- juries and inboxes ---------------------------------------------------------------------

  /** JURY-1: one session per programme; JURY-2, JURY-5: decisions in agenda order, admitted up to the places. */
  private async sitJuries(): Promise<JuryOutcome> {
    const atJury = (code: string) => this.records.filter((c) => c.programmeCode === code && c.juryMs !== undefined);
    const sitting = this.programmes.filter((p) => atJury(p.code).length > 0);
    if (sitting.length === 0) return { status: 'not reached', reason: 'no candidate reached a jury', sessions: [] };
    const sessions: SessionRecord[] = [];
    for (const { code } of sitting) {
      try {
        // Each its own instant: convening a programme with many candidates takes a while.
        sessions.push(await this.convene(code, sessionInstant(this.deps.juryTime.now(), SESSION_LEAD_MS)));
      } catch (error) {
        for (const c of atJury(code)) c.stopped = this.reasonOf(error);
      }
    }
    if (sessions.length === 0) return { status: 'not reached', reason: 'no session could be scheduled', sessions };
    const last = new Date(Math.max(...sessions.map((session) => Date.parse(session.sitsAt))));
    const reached = await this.deps.juryTime.reach(last, this.stop);
    if (!reached.reached) {
      for (const c of this.records) if (c.juryMs !== undefined) c.stopped ??= 'jury: the session has not sat';
      return { status: 'stopped', reason: reached.reason, sessions };
    }
    await Promise.all(sessions.map((session) => this.decide(session)));
    return { status: 'decided', sessions };
  }

  /** Schedules the session; the candidates awaiting one join its agenda in submission order (CAND-3). */
  private async convene(code: string, sitsAt: Date): Promise<SessionRecord> {
    const juror = this.juror();
    const at = { at: sitsAt.toISOString() };
    const { sessionId } = ok(
      await juror.post<{ sessionId: string }>('/v1/programmes/:code/sessions', { code }, at),
      'session',
    );
    const books = ok(await juror.get<AgendaView>('/v1/programmes/:code/sessions', { code }), 'agenda');
    const agenda = books.sessions.find((s) => s.sessionId === sessionId)?.agenda.map((e) => e.candidateId) ?? [];
    for (const c of this.records) {
      if (c.programmeCode === code && c.juryMs !== undefined && !agenda.includes(c.candidateId)) {
        c.stopped = 'jury: not on the session agenda';
      }
    }
    return { programmeCode: code, sessionId, sitsAt: at.at, agenda };
  }

  private async decide({ programmeCode: code, sessionId, agenda }: SessionRecord): Promise<void> {
    const juror = this.juror();
    const places = this.programmes.find((p) => p.code === code)?.places ?? 0;
    const inboxes: Promise<void>[] = [];
    for (const [rank, candidateId] of agenda.entries()) {
      const c = this.records.find((r) => r.candidateId === candidateId);
      if (c === undefined) continue;
      const decision: Decision = rank < places ? 'ADMITTED' : (rank - places) % 2 === 0 ? 'WAITLISTED' : 'REJECTED';
      const body = { candidateId, decision, reason: REASONS[decision] };
      const reply = await juror.post<{ offer: { offerId: string } | null }>(
        '/v1/programmes/:code/sessions/:session/decisions',
        { code, session: sessionId },
        body,
      );
      if (!reply.ok) {
        c.stopped = this.stop.aborted ? this.reasonOf(undefined) : `decision: ${reply.status} ${reply.problem}`;
        continue;
      }
      const decidedAt = performance.now();
      c.decision = decision;
      // JURY-4: an admission comes with its offer in the same answer.
      c.offerId = reply.body.offer?.offerId;
      c.inboxTimed = rank % Math.ceil(this.config.candidates / TIMED_INBOXES) === 0;
      inboxes.push(
        this.sighting(this.inboxes.expect(candidateId, candidateId, decidedAt, c.inboxTimed), 'candidate inbox').then(
          (ms) => void (c.inboxMs = ms),
          (error: unknown) => void (c.stopped = this.reasonOf(error)),
        ),
      );
    }
    await Promise.all(inboxes);
  }

  // ---- what the watches read ------------------------------------------------------------------

  /** The lead's files still to examine: a new file is OPEN, and the answer stays as small as the backlog. */
  private async worklist(leadId: string): Promise<ReadonlySet<string> | undefined> {
    const lead = this.as('review', leadId, 'pedagogical-lead');
    const reply = await lead.get<{ candidacyId: string }[]>('/v1/worklist?status=OPEN');
    return reply.ok ? new Set(reply.body.map((item) => item.candidacyId)) : undefined;
  }

  private async juryBook(code: string): Promise<ReadonlySet<string> | undefined> {
    const reply = await this.juror().get<AgendaView>('/v1/programmes/:code/sessions', { code });
    if (!reply.ok) return undefined;
    const onAgendas = reply.body.sessions.flatMap((s) => s.agenda.map((e) => e.candidateId));
    return new Set([...reply.body.awaitingSession, ...onAgendas]);
  }

  /** JURY-3: the decision as the candidate's space shows it. */
  private async inbox(candidateId: string): Promise<ReadonlySet<string> | undefined> {
    const reply = await this.as('notification', candidateId, 'candidate').get<{ items: { kind: string }[] }>(
      '/v1/inbox',
    );
    if (!reply.ok) return undefined;
    return new Set(reply.body.items.some((item) => item.kind === 'JURY_DECISION') ? [candidateId] : []);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private as(service: (typeof SERVICES)[number], subject: string, role: Role): Api {
    const key = `${role} ${subject}`;
    const token = this.tokens.get(key) ?? this.deps.token(subject, role);
    this.tokens.set(key, token);
    return this.http.as(service, this.config.urls[service], token);
  }

  private juror(): Api {
    return this.as('jury', 'season-juror', 'jury-member');
  }

  private async sighting(pending: Promise<number | undefined>, where: string): Promise<number> {
    const ms = await pending;
    if (ms === undefined) {
      throw new StepFailed(`${where}: not seen within ${this.config.propagationTimeoutMs / 1000} s`);
    }
    return ms;
  }

  private reasonOf(error: unknown): string {
    if (this.deadline.aborted) return `global timeout (${this.config.timeoutMs / 1000} s)`;
    if (this.stop.aborted) return 'interrupted';
    return error instanceof Error ? error.message : String(error);
  }

  private progressLine(): string {
    const count = (has: (c: CandidateRecord) => boolean) => this.records.filter(has).length;
    return [
      `submitted ${count((c) => c.submittedAt !== undefined)}/${this.records.length}`,
      `in worklists ${count((c) => c.worklistMs !== undefined)}`,
      `admissible ${count((c) => c.admissible === true)}`,
      `on jury books ${count((c) => c.juryMs !== undefined)}`,
      `decided ${count((c) => c.decision !== undefined)}`,
      `in inboxes ${count((c) => c.inboxMs !== undefined)}`,
      `stopped ${count((c) => c.stopped !== undefined)}`,
    ].join(' · ');
  }
}
