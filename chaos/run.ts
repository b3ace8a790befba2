// One chaos run from start to report: two instances of every service, the load, the faults
// spread over it, the clocks' jump past the offers' expiry, then quiet, and the invariants.
import { DeploymentNames } from '@admissions/platform';
import { startLocalServers, storeSettled, testEnv } from '@admissions/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newSink, MAIL_DOMAIN, SMTP_PASSWORD, SMTP_USER } from '../apps/notification/test/notification-under-test';
import { parisDate, startOfParisDay } from '@admissions/domain-kernel';
import { type Role, signDevToken } from '../libs/platform/src/auth';
import { Cluster, freePorts, type Instance, SERVICES, type Service } from './cluster';
import { FaultInjector, type InjectedFault } from './faults';
import { acknowledgedStored } from './invariants/acknowledged';
import type { Check } from './invariants/check';
import { deadLettersArePoison } from './invariants/dead-letters';
import { deadlinesFiredOnce } from './invariants/deadlines';
import { notificationsOnce } from './invariants/notifications';
import { readModelsRebuilt } from './invariants/read-models';
import { eventsRelayed } from './invariants/relayed';
import { seatsWithinPlaces } from './invariants/seats';
import { Load, type LoadFigures } from './load';
import { logWorkersState } from './log-workers-state';
import type { ChaosPlan } from './plan';
import { publishPoison } from './poison';
import { Stores } from './stores';

const ROOT = join(__dirname, '..');
const DAY_MS = 86_400_000;
/** The clocks' jump: into the next month (JURY-1: a session a month), past every offer's 10-day window (JURY-4). */
const JUMP_DAYS = 31;
const START_MS = 240_000;
/** How long an instance may stay unready once the load stops before it is restarted. */
const UNREADY_MS = 60_000;

export interface ChaosOptions {
  readonly log: (line: string) => void;
  /** Drops the run's databases afterwards (`npm test`); `npm run chaos` keeps them for a look. */
  readonly dropData: boolean;
  /** Ends the run early (Ctrl-C): it stops the instances and reports, as at its time bound. */
  readonly signal?: AbortSignal;
}

export interface ChaosReport {
  readonly runId: string;
  readonly namespace: string;
  readonly plan: ChaosPlan;
  readonly phasesMs: Readonly<Record<string, number>>;
  readonly faults: readonly InjectedFault[];
  readonly faultCounts: Readonly<Record<string, number>>;
  readonly load: Omit<LoadFigures, 'http'>;
  readonly refusals: readonly {
    readonly route: string;
    readonly status: string;
    readonly count: number;
    readonly sample: string;
  }[];
  readonly checks: readonly Check[];
  /** Set when the run stopped at its time bound or on an error before the checks. */
  readonly stoppedBy?: string;
  readonly serversHealthy: boolean;
  /** Instances that were still not ready a while after the faults, and were restarted for it. */
  readonly restartedUnready: readonly string[];
}

export async function runChaos(plan: ChaosPlan, options: ChaosOptions): Promise<ChaosReport> {
  return new ChaosRun(plan, options).run();
}

class ChaosRun {
  private readonly runId = randomBytes(3).toString('hex');
  private readonly namespace = `chaos-${this.runId}`;
  private readonly names = new DeploymentNames(this.namespace);
  private readonly servers = testEnv();
  private readonly sink = newSink();
  private readonly deadline: number;
  /** The time bound (start to the load's end) or the caller's signal: every wait before the quiet ends with it. */
  private readonly stop: AbortSignal;
  private readonly phasesMs: Record<string, number> = {};
  private readonly restartedUnready: string[] = [];
  private shiftDays = juryShiftDays(new Date());
  private cluster?: Cluster;

  constructor(
    private readonly plan: ChaosPlan,
    private readonly options: ChaosOptions,
  ) {
    this.deadline = Date.now() + plan.timeoutMs;
    const bound = AbortSignal.timeout(plan.timeoutMs);
    this.stop = options.signal ? AbortSignal.any([bound, options.signal]) : bound;
  }

  async run(): Promise<ChaosReport> {
    const stores = new Stores(this.servers.mongoUrl, (service) => this.databaseOf(service), this.keyStoreDb);
    let faults: readonly InjectedFault[] = [];
    let load: Load | undefined;
    let checks: Check[] = [];
    let stoppedBy: string | undefined;
    try {
      await stores.connect();
      const smtpPort = await this.sink.start();
      const cluster = await this.timed('start', () => this.startCluster(smtpPort));
      const running = new Load(
        cluster,
        { token: devToken(this.plan.timeoutMs + this.plan.quiesceMs), juryNow: () => this.juryNow() },
        this.runId,
      );
      load = running;
      await this.timed('set-up', async () => {
        await running.setUp(60_000);
        await running.warmUp();
      });
      const poison = await publishPoison(this.names, this.plan.poison, this.runId);
      const injector = new FaultInjector(
        cluster,
        this.sink,
        this.servers.redisUrl,
        seeded(this.runId),
        this.options.log,
      );
      faults = injector.injected;
      await this.timed('load and faults', () => this.underLoad(running, injector, cluster));
      await this.timed('quiesce', () => this.quiesce(cluster, stores, running, poison));
      checks = await this.timed('checks', () => this.checks(stores, running, poison));
    } catch (error) {
      stoppedBy = error instanceof Error ? error.message : String(error);
      this.options.log(`stopped: ${stoppedBy}`);
    } finally {
      load?.stop();
      await this.cluster?.stop();
      await this.sink.stop();
      if (this.options.dropData) await this.dropDatabases(stores);
      await stores.close();
    }
    const serversHealthy = await startLocalServers().then(
      () => true,
      () => false,
    );
    const figures = load?.figures();
    return {
      runId: this.runId,
      namespace: this.namespace,
      plan: this.plan,
      phasesMs: this.phasesMs,
      faults,
      faultCounts: countKinds(faults),
      load: figures ? withoutHttp(figures) : emptyLoad(),
      // The commands' refusals; the reads that poll for a propagation fail by design until it arrives.
      refusals: (figures?.http ?? [])
        .filter(({ route }) => !route.split(' ')[1].startsWith('GET'))
        .flatMap(({ route, failures }) =>
          failures.map(({ status, count, sample }) => ({ route, status, count, sample })),
        ),
      checks,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
      serversHealthy,
      restartedUnready: this.restartedUnready,
    };
  }

  private async startCluster(smtpPort: number): Promise<Cluster> {
    const { kafkaBrokers, mongoUrl, redisUrl, ferretdbPgUrl } = this.servers;
    this.cluster = new Cluster({
      ports: await freePorts(SERVICES.length * 2),
      logDir: join(ROOT, '.local', 'logs', 'chaos', this.runId),
      env: {
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: kafkaBrokers.join(','),
        MONGO_URL: mongoUrl,
        REDIS_URL: redisUrl,
        ...(ferretdbPgUrl ? { FERRETDB_PG_URL: ferretdbPgUrl } : {}),
        DEPLOYMENT_NAMESPACE: this.namespace,
        KEY_STORE_DB: this.keyStoreDb,
        AUTH_DEV_KEY_DIR: join(ROOT, '.local', 'dev-jwt'),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SMTP_USER,
        SMTP_PASSWORD,
        MAIL_FROM: `Admissions <admissions@${MAIL_DOMAIN}>`,
        // A 30 s outage is outlived within the 10 attempts (1 s, doubling); lost send jobs come back within 5 s.
        SEND_BACKOFF_MS: '1000',
        SEND_RECONCILE_MS: '5000',
      },
      perService: (service) => ({
        MONGO_DB: this.databaseOf(service),
        ...(service === 'jury' || service === 'notification' ? { CLOCK_SHIFT_DAYS: String(this.shiftDays) } : {}),
      }),
    });
    this.options.log(
      `starting 2 × 5 service instances (namespace ${this.namespace}, logs in .local/logs/chaos/${this.runId})`,
    );
    await this.cluster.start(START_MS);
    return this.cluster;
  }

  /** The load runs while the faults come one after the other; the juries sit and the clocks jump on the way. */
  private async underLoad(load: Load, injector: FaultInjector, cluster: Cluster): Promise<void> {
    const startedAt = Date.now();
    const running = load.run(this.plan.candidates, this.plan.students);
    const at = (fraction: number) => fraction * this.plan.loadMs;
    const faults = injector.schedule(this.plan);
    const calendar = [
      ...this.plan.clockJumps.map((fraction) => ({ kind: 'clock-jump' as const, atMs: at(fraction) })),
      ...this.plan.jurySittings.map((fraction) => ({ kind: 'jury' as const, atMs: at(fraction) })),
    ].sort((a, b) => a.atMs - b.atMs);
    this.options.log(
      `load: ${this.plan.candidates} candidates, ${this.plan.students} students; ${faults.length} faults over ${this.plan.loadMs / 1000} s`,
    );
    try {
      // Two timelines side by side: the faults, one after the other; the juries and the clocks.
      await Promise.all([
        this.timeline(startedAt, faults, (step) => injector.inject(step.kind, startedAt, this.plan.smtpDownMs)),
        this.timeline(startedAt, calendar, (step) =>
          step.kind === 'jury' ? load.sitJuries() : this.jumpClocks(cluster),
        ),
      ]);
      await this.wait(startedAt + this.plan.loadMs - Date.now());
    } finally {
      load.stop();
      await running;
    }
  }

  /**
   * The jury and notification instances killed and started with their clocks JUMP_DAYS ahead. Their
   * deadline queues go meanwhile: BullMQ's delays were reckoned on the old clock, and the
   * reconciler re-creates every pending deadline's job at start, on the new one.
   */
  private async jumpClocks(cluster: Cluster): Promise<void> {
    this.shiftDays += JUMP_DAYS;
    const services = ['jury', 'notification'] as const;
    const env = { CLOCK_SHIFT_DAYS: String(this.shiftDays) };
    let dropped = 0;
    await cluster.restartWith(services, env, async () => {
      const queues = services.map((service) => `bull:${this.names.queue(`deadlines-${service}`)}:*`);
      dropped = await deleteKeys(this.servers.redisUrl, queues);
    });
    this.options.log(
      `clocks: jury and notification ${JUMP_DAYS} days ahead (SIGKILL, ${dropped} deadline queue keys dropped, started again)`,
    );
  }

  /**
   * Every instance ready, every log relayed and folded, every notification owed sent, every due
   * deadline settled, the poison parked: the cheap invariants are polled until they hold or the
   * quiet's own bound passes, and the run goes on to the checks either way (they say what did not
   * hold). Only an interruption stops it: a slow machine gets its checks, not a bare time-out.
   */
  private async quiesce(cluster: Cluster, stores: Stores, load: Load, poison: ReadonlySet<string>): Promise<void> {
    const until = Date.now() + this.plan.quiesceMs;
    await Promise.all(cluster.instances.map((instance) => this.readyAgain(cluster, instance, until)));
    while (Date.now() < until) {
      const settled = await Promise.all(
        SERVICES.map((service) => {
          const { store, db, options } = stores.of[service];
          return storeSettled(store, db, service, options.projections ?? [], 2_000).then(
            () => true,
            () => false,
          );
        }),
      );
      if (settled.every(Boolean)) {
        const quick = await Promise.all([
          acknowledgedStored(load.acknowledged, stores),
          notificationsOnce(stores, this.sink.received),
          deadlinesFiredOnce(stores, this.juryNow()),
          deadLettersArePoison(this.names, poison),
        ]);
        if (quick.every((result) => result.problems.length === 0)) return;
      }
      await sleep(3_000, undefined, { signal: this.options.signal }).catch(() => undefined);
      if (this.options.signal?.aborted) throw new Error('interrupted');
    }
    this.options.log('quiesce: bound reached before everything settled; checking as things stand');
    for (const service of SERVICES) {
      const state = await logWorkersState(stores.of[service]).catch((error: unknown) => String(error));
      this.options.log(`  ${service}: ${state} (instances: ${cluster.pidsOf(service).join(', ')})`);
    }
  }

  /**
   * Waits for an instance to be ready again; one still unready after UNREADY_MS is SIGKILLed and
   * started once more, as a liveness probe would have it, and named in the report: a finding.
   */
  private async readyAgain(cluster: Cluster, instance: Instance, until: number): Promise<void> {
    try {
      await cluster.ready(instance, Math.min(UNREADY_MS, Math.max(1_000, until - Date.now())));
    } catch {
      this.restartedUnready.push(`${instance.service}#${instance.replica}`);
      this.options.log(`quiesce: ${instance.service}#${instance.replica} still not ready; SIGKILL and start again`);
      await cluster.kill(instance);
      await cluster.ready(instance, Math.max(1_000, until - Date.now()));
    }
  }

  private async checks(stores: Stores, load: Load, poison: ReadonlySet<string>): Promise<Check[]> {
    return [
      await acknowledgedStored(load.acknowledged, stores),
      await eventsRelayed(stores, this.names, poison),
      await readModelsRebuilt(stores),
      await deadlinesFiredOnce(stores, this.juryNow()),
      await seatsWithinPlaces(stores, load.programmes),
      await notificationsOnce(stores, this.sink.received),
      await deadLettersArePoison(this.names, poison),
    ];
  }

  /** Each step at its instant of the load, or right after the step before when that took longer. */
  private async timeline<S extends { atMs: number }>(
    startedAt: number,
    steps: readonly S[],
    act: (step: S) => Promise<void>,
  ): Promise<void> {
    for (const step of steps) {
      await this.wait(startedAt + step.atMs - Date.now());
      await act(step);
    }
  }

  /** Sleeps; throws once the run is to stop (its time bound, or interrupted). */
  private async wait(ms: number): Promise<void> {
    await sleep(Math.max(0, ms), undefined, { signal: this.stop }).catch(() => undefined);
    if (this.stop.aborted) {
      throw new Error(
        Date.now() >= this.deadline ? `time bound of ${this.plan.timeoutMs / 1000} s reached` : 'interrupted',
      );
    }
  }

  private async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const began = Date.now();
    try {
      return await work();
    } finally {
      this.phasesMs[phase] = Date.now() - began;
      this.options.log(`${phase}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  }

  private databaseOf(service: Service): string {
    return `chaos_${this.runId}_${service}`;
  }

  /** The five services' shared key store (personal data is sealed with its person's key). */
  private get keyStoreDb(): string {
    return `chaos_${this.runId}_keys`;
  }

  /** The jury's clock, and the notification's: both run the same days ahead. */
  private juryNow(): Date {
    return new Date(Date.now() + this.shiftDays * DAY_MS);
  }

  private async dropDatabases(stores: Stores): Promise<void> {
    for (const service of SERVICES) await stores.of[service].db.dropDatabase().catch(() => undefined);
    await stores.keys.dropDatabase().catch(() => undefined);
  }
}

/**
 * Days the jury's clock runs ahead (as JURY_CLOCK_SHIFT_DAYS does) so that it reads mid-January
 * (JURY-1: juries sit January–July), with room for the run's monthly jumps before August.
 */
function juryShiftDays(now: Date): number {
  const { year } = parisDate(now);
  const january = (y: number) => startOfParisDay({ year: y, month: 1, day: 15 }).getTime();
  const target = january(year) > now.getTime() ? january(year) : january(year + 1);
  return Math.floor((target - now.getTime()) / DAY_MS);
}

function devToken(validMs: number) {
  const expiresIn = Math.ceil(validMs / 1000) + 600;
  return (subject: string, role: Role) =>
    signDevToken({ sub: subject, roles: [role], expiresIn }, { AUTH_DEV_KEY_DIR: join(ROOT, '.local', 'dev-jwt') });
}

/** A small deterministic generator seeded by the run id: the fault order of a run can be told from its id. */
function seeded(runId: string): () => number {
  let state = Number.parseInt(runId, 16) || 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Deletes the Redis keys matching the patterns; answers how many. */
async function deleteKeys(redisUrl: string, patterns: readonly string[]): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    for (const match of patterns) {
      for await (const keys of redis.scanStream({ match, count: 500 }) as AsyncIterable<string[]>) {
        if (keys.length > 0) deleted += await redis.del(...keys);
      }
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

function countKinds(faults: readonly InjectedFault[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind } of faults) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

function withoutHttp({ http: _http, ...figures }: LoadFigures): Omit<LoadFigures, 'http'> {
  return figures;
}

function emptyLoad(): Omit<LoadFigures, 'http'> {
  return { acknowledged: 0, submitted: 0, opinions: 0, decisions: 0, offers: 0, enrolled: 0, declined: 0, plans: 0 };
}
