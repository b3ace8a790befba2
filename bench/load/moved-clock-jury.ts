// The jury of P4 and P5: the real service booted in this process (as the jury's integration tests
// boot it: its own database, deployment namespace and Redis database, the real Kafka, FerretDB
// and Redis) on a clock the load moves — JURY-1 seats juries January–July only, and the deadline
// storm needs the offers' last instant to come now, not in ten days. Its programmes are seeded
// through the jury's own write path (the writer the Kafka intake calls, as the int-specs seed
// them), each candidate waiting for the session that the load then schedules over HTTP.
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '@admissions/domain-kernel';
import { commitId, EventStore, type StoredEvent } from '@admissions/event-store';
import { MongoDatabase } from '@admissions/platform';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { TaskPool } from '../../e2e/season/task-pool';
import { programmeStreamId } from '../../apps/jury/src/application/jury-streams';
import { candidateApplications } from '../../apps/jury/src/projections/candidate-applications.projection';
import { call, redisUrlOf, seedProgramme, startJury, type JuryInstance } from '../../apps/jury/src/jury.int-helpers';
import { type Curve, watchShown } from './progress';

/** Candidates admitted per programme (Mon Master's programmes hold tens to a few hundred places). */
export const ADMITTED_PER_PROGRAMME = 250;
/** Waitlisted beside the admitted, a fifth as many: the seats the storm frees go to them first. */
const WAITLISTED_SHARE = 0.2;
/** How often `untilShown` looks at the commits and the read model's checkpoint (lookups by _id). */
const SHOWN_POLL_MS = 50;
/** Programmes seeded at once (each programme's candidates in turn: one stream each). */
const SEEDING_IN_PARALLEL = 4;

export interface ProgrammeSeed {
  readonly code: string;
  readonly admitted: readonly string[];
  readonly waitlisted: readonly string[];
  sessionId?: string;
}

/** A count kept over a programme's stream: how far it was read, and what it found. */
interface Tally {
  readonly version: number;
  readonly lastCommit: number;
  readonly count: number;
}

export class MovedClockJury {
  private readonly tallies = new Map<string, Tally>();

  private constructor(
    readonly clock: ManualClock,
    readonly jury: JuryInstance,
    readonly programmes: readonly ProgrammeSeed[],
    private readonly redisDb: number,
  ) {}

  /** Boots the jury on 10 January, 09:00 Paris (its Redis database emptied first), and plans `admitted` offers. */
  static async start(
    admitted: number,
    redisDb: number,
    runId: string,
    perProgramme = ADMITTED_PER_PROGRAMME,
  ): Promise<MovedClockJury> {
    const redis = new IORedis(redisUrlOf(redisDb), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    const clock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
    const jury = await startJury(clock, redisDb);
    const count = Math.max(1, Math.ceil(admitted / perProgramme));
    const programmes = Array.from({ length: count }, (_, p) => {
      const places = Math.floor(admitted / count) + (p < admitted % count ? 1 : 0);
      const code = `LOAD-${runId}-${p + 1}`.toUpperCase();
      const ids = (kind: string, n: number) => Array.from({ length: n }, (_, i) => `${code.toLowerCase()}-${kind}${i}`);
      return { code, admitted: ids('a', places), waitlisted: ids('w', Math.ceil(places * WAITLISTED_SHARE)) };
    });
    return new MovedClockJury(clock, jury, programmes, redisDb);
  }

  get svc() {
    return this.jury.svc;
  }

  get db() {
    return this.svc.app.get(MongoDatabase).db;
  }

  juror(): string {
    return this.svc.token('jury-member', 'load-juror');
  }

  /** A BullMQ queue of the jury's namespace on its Redis database; `deadlines-jury` is its own deadlines'. */
  queue(name: string): Queue {
    return new Queue(this.svc.names.queue(name), { connection: { url: redisUrlOf(this.redisDb) } });
  }

  /** Every programme defined with its places, its candidates awaiting a session (not timed). */
  async seed(): Promise<void> {
    const pool = new TaskPool(SEEDING_IN_PARALLEL, new AbortController().signal);
    await Promise.all(
      this.programmes.map((p) =>
        pool.run(() => seedProgramme(this.svc, p.code, p.admitted.length, [...p.admitted, ...p.waitlisted])),
      ),
    );
  }

  /** JURY-1: each programme's session on 11 January; the clock then moves past its sitting. */
  async sitSessions(): Promise<void> {
    const at = '2027-01-11T09:00:00+01:00';
    for (const p of this.programmes) {
      const answer = await call<{ sessionId: string }>(
        this.svc,
        this.juror(),
        'POST',
        `/v1/programmes/${p.code}/sessions`,
        {
          at,
        },
      );
      if (answer.status !== 201)
        throw new Error(`session of ${p.code}: ${answer.status} ${JSON.stringify(answer.body)}`);
      p.sessionId = answer.body.sessionId;
    }
    await this.clock.set(new Date('2027-01-11T10:00:00+01:00'));
  }

  /**
   * The curve of the events across the programmes' streams that `counted` picks, until `target`
   * of them are stored and the candidates' read model shows them (`progress.watchShown`); `name`
   * keeps this count's own place in each stream.
   */
  watchShown(
    name: string,
    started: number,
    counted: (event: StoredEvent) => boolean,
    target: number,
    timeoutMs: number,
  ): Promise<Curve> {
    return watchShown(
      started,
      () => this.countInStreams(name, counted),
      target,
      (left) => this.untilShown(name, left),
      timeoutMs,
    );
  }

  /**
   * Events across the programmes' streams that `counted` picks, read on from the last look under
   * the same `name`: one lookup by _id per stream, where a count over the read model has FerretDB
   * read every candidate's document (a nested field: no index it can use), which at 10,000 offers
   * kept it busier than the jury it watched.
   */
  private async countInStreams(name: string, counted: (event: StoredEvent) => boolean): Promise<number> {
    const store = this.svc.app.get(EventStore);
    const tallies = await Promise.all(
      this.programmes.map(async ({ code }) => {
        const key = `${name} ${code}`;
        const tally = this.tallies.get(key) ?? { version: 0, lastCommit: 0, count: 0 };
        const after = await store.readStreamAfter(programmeStreamId(code), tally.version);
        if (after === undefined) throw new Error(`the stream of ${code} is shorter than read before`);
        const next = {
          version: after.version,
          lastCommit: after.lastCommit,
          count: tally.count + after.events.filter(counted).length,
        };
        this.tallies.set(key, next);
        return next;
      }),
    );
    return tallies.reduce((sum, tally) => sum + tally.count, 0);
  }

  /**
   * Until the candidates' read model (`rm_candidate_applications`, what GET /v1/me/applications
   * answers from) shows what the programmes' streams held at the last `countInStreams` under
   * `name`: each stream's last commit logged, then the read model's checkpoint at the log's head
   * as it stood then. False when `timeoutMs` passes first.
   */
  private async untilShown(name: string, timeoutMs: number): Promise<boolean> {
    const store = this.svc.app.get(EventStore);
    const commits = this.programmes.flatMap(({ code }) => {
      const tally = this.tallies.get(`${name} ${code}`);
      return tally && tally.lastCommit > 0 ? [commitId(programmeStreamId(code), tally.lastCommit)] : [];
    });
    const checkpoints = this.db.collection<{ _id: string; batch: number }>('projection_checkpoints');
    const giveUpAt = performance.now() + timeoutMs;
    const until = async (done: () => Promise<boolean>) => {
      while (!(await done())) {
        if (performance.now() > giveUpAt) return false;
        await sleep(SHOWN_POLL_MS);
      }
      return true;
    };
    const logged = async () =>
      (await Promise.all(commits.map((id) => store.commitProgress(id)))).every((progress) => progress === 'logged');
    if (!(await until(logged))) return false;
    const head = await store.logHead();
    return until(
      async () => ((await checkpoints.findOne({ _id: candidateApplications.name }))?.batch ?? 0) >= head.batch,
    );
  }

  /** Candidates whose jury application shows this outcome (what GET /v1/me/applications answers from). */
  countOutcome(outcome: string): Promise<number> {
    return this.db.collection('rm_candidate_applications').countDocuments({ 'applications.outcome': outcome });
  }

  async close(): Promise<void> {
    await this.svc.close();
  }
}
