// The steady load, through the services' HTTP APIs only: candidates fill in and submit their
// files, their leads give opinions, the juries sit and decide, the admitted enrol or decline,
// students propose, change, have approved and cancel mobility plans.
import type { Role } from '../../libs/platform/src/auth';
import { programmeBody } from '../../e2e/season/fixtures';
import type { RouteSummary } from '../../e2e/season/http';
import type { Cluster } from '../cluster';
import { candidateJourney, type Programme } from './candidates';
import { type Acknowledged, LoadClient } from './client';
import { type LoadCounts, noCounts } from './counts';
import { Jury } from './juries';
import { studentJourney } from './mobility';

export type { Acknowledged } from './client';

export interface LoadDeps {
  readonly token: (subject: string, role: Role) => string;
  /** The jury service's clock (it runs months ahead: JURY-1 seats juries January–July only). */
  readonly juryNow: () => Date;
}

export interface LoadFigures extends LoadCounts {
  readonly acknowledged: number;
  readonly http: readonly RouteSummary[];
}

const PROGRAMMES = 3;
/** Few places, so that offers, declines and the waiting list contend for them (JURY-5). */
const PLACES = 3;
const PARTNER_PLACES = 4;
/** How long the warm-up's candidates may take to reach the jury's books. */
const WARM_UP_MS = 180_000;
/** A student's next plan waits this long: mobility is a light part of the load. */
const STUDENT_PAUSE_MS = 3_000;

export class Load {
  readonly programmes: readonly Programme[];
  private readonly client: LoadClient;
  private readonly counts = noCounts();
  private readonly jury: Jury;
  private readonly pending = new Set<Promise<void>>();
  private partnerId = '';
  private serial = 0;

  constructor(
    cluster: Cluster,
    deps: LoadDeps,
    private readonly runId: string,
  ) {
    this.client = new LoadClient(cluster, deps.token);
    this.jury = new Jury(this.client, this.counts, deps.juryNow);
    this.programmes = Array.from({ length: PROGRAMMES }, (_, n) => {
      const code = `CHAOS-${runId}-${n + 1}`.toUpperCase();
      return { code, leadId: `lead-${code.toLowerCase()}`, places: PLACES };
    });
  }

  get acknowledged(): readonly Acknowledged[] {
    return this.client.acknowledged;
  }

  /** The programmes (known to the jury before anyone applies) and the mobility partner. */
  async setUp(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    const officer = this.client.as('candidacy', 'admissions-officer', 'chaos-officer');
    for (const { code, leadId, places } of this.programmes) {
      must(await officer.command('POST', '/v1/programmes', {}, programmeBody(code, places, leadId, new Date())));
    }
    const office = this.client.as('mobility', 'international-office', 'chaos-office');
    const agreement = {
      kind: 'EXCHANGE',
      placesPerAcademicYear: PARTNER_PLACES,
      startsOn: '2024-09-01',
      endsOn: '2030-08-31',
    };
    const partner = { name: `Chaos partner ${this.runId}`, country: 'ES', agreements: [agreement] };
    this.partnerId = must(await office.command<{ partnerId: string }>('POST', '/v1/partners', {}, partner)).partnerId;
    for (const { code } of this.programmes) {
      while (!(await this.jury.knows(code))) {
        if (Date.now() > until) throw new Error(`the jury did not learn of ${code} in time`);
        await this.client.pause(500);
      }
    }
  }

  /**
   * Before the faults: one candidate per programme through submission and opinion, until the jury
   * has them awaiting a session, so that the first sitting makes offers whose deadlines come due.
   */
  async warmUp(timeoutMs = WARM_UP_MS): Promise<void> {
    const until = Date.now() + timeoutMs;
    await Promise.all(this.programmes.map(() => this.candidate()));
    for (const { code } of this.programmes) {
      while ((await this.jury.awaiting(code)).length === 0) {
        if (Date.now() > until) throw new Error(`warm-up: no candidate of ${code} reached the jury in time`);
        await this.client.pause(1_000);
      }
    }
  }

  /** Runs the candidates and students until `stop()`, then waits for the steps under way to end. */
  async run(candidates: number, students: number): Promise<void> {
    const actors = [
      ...Array.from({ length: candidates }, () => this.loop(() => this.candidate())),
      ...Array.from({ length: students }, () => this.loop(() => this.student())),
    ];
    await Promise.all(actors);
    await Promise.all([...this.pending]);
  }

  /** Every programme's jury sits once (JURY-1: a session a month; the run moves the clocks between sittings). */
  async sitJuries(): Promise<void> {
    const track = (work: Promise<void>) => this.track(work);
    await Promise.all(
      this.programmes.map(({ code, places }) => this.jury.sit(code, places, track).catch(() => undefined)),
    );
  }

  stop(): void {
    this.client.stop();
  }

  figures(): LoadFigures {
    return { acknowledged: this.acknowledged.length, ...this.counts, http: this.client.routes() };
  }

  private candidate(): Promise<void> {
    const index = (this.serial += 1);
    const programme = this.programmes[index % this.programmes.length];
    return candidateJourney(this.client, this.counts, { index, runId: this.runId, programme });
  }

  private async student(): Promise<void> {
    const index = (this.serial += 1);
    await studentJourney(this.client, this.counts, { index, runId: this.runId, partnerId: this.partnerId });
    await this.client.pause(STUDENT_PAUSE_MS);
  }

  private async loop(step: () => Promise<void>): Promise<void> {
    while (!this.client.stopped) {
      await step().catch(() => undefined);
      await this.client.pause(200);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function must<T>(reply: { ok: true; body: T } | { ok: false; status: number; problem: string }): T {
  if (!reply.ok) throw new Error(`chaos set-up: ${reply.status} ${reply.problem}`);
  return reply.body;
}
