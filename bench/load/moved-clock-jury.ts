// The jury of P4 and P5: the real service booted in this process (as the jury's integration tests
// boot it: its own database, deployment namespace and Redis database, the real Kafka, FerretDB
// and Redis) on a clock the load moves — JURY-1 seats juries January–July only, and the deadline
// storm needs the offers' last instant to come now, not in ten days. Its programmes are seeded
// through the jury's own write path (the writer the Kafka intake calls, as the int-specs seed
// them), each candidate waiting for the session that the load then schedules over HTTP.
import { ManualClock } from '@admissions/domain-kernel';
import { MongoDatabase } from '@admissions/platform';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { TaskPool } from '../../e2e/season/task-pool';
import { call, redisUrlOf, seedProgramme, startJury, type JuryInstance } from '../../apps/jury/src/jury.int-helpers';

/** Candidates admitted per programme (Mon Master's programmes hold tens to a few hundred places). */
export const ADMITTED_PER_PROGRAMME = 250;
/** Waitlisted beside the admitted, a fifth as many: the seats the storm frees go to them first. */
const WAITLISTED_SHARE = 0.2;
/** Programmes seeded at once (each programme's candidates in turn: one stream each). */
const SEEDING_IN_PARALLEL = 4;

export interface ProgrammeSeed {
  readonly code: string;
  readonly admitted: readonly string[];
  readonly waitlisted: readonly string[];
  sessionId?: string;
}

export class MovedClockJury {
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

  /** Candidates whose jury application shows this outcome (what GET /v1/me/applications answers from). */
  countOutcome(outcome: string): Promise<number> {
    return this.db.collection('rm_candidate_applications').countDocuments({ 'applications.outcome': outcome });
  }

  async close(): Promise<void> {
    await this.svc.close();
  }
}
