// The faults, injected one after the other at random instants spread over the load: a service
// instance SIGKILLed (and started again, as its orchestrator would), the broker SIGKILLed and
// restarted, the MongoDB-wire server and Redis restarted, Redis wiped, the SMTP server away.
// Each waits for the server it took away to answer again before the next one; a killed instance
// is started again at once and gets ready while the run goes on.
import { localKafkaPid, startLocalServers, stopLocalServer } from '@admissions/testing';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import type { Cluster } from './cluster';
import type { ChaosPlan, FaultKind } from './plan';

export interface InjectedFault {
  readonly kind: FaultKind;
  /** Seconds since the load began. */
  readonly at: number;
  readonly what: string;
  /** How long until the server or instance was back. */
  readonly tookMs: number;
}

export class FaultInjector {
  readonly injected: InjectedFault[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly sink: SmtpSink,
    private readonly redisUrl: string,
    private readonly random: () => number,
    private readonly log: (line: string) => void,
  ) {}

  /** The plan's faults in a random order, each at its own instant of the load. */
  schedule(plan: ChaosPlan): { kind: FaultKind; atMs: number }[] {
    const kinds = (Object.entries(plan.faults) as [FaultKind, number][]).flatMap(([kind, count]) =>
      Array.from({ length: count }, () => kind),
    );
    const slot = plan.loadMs / (kinds.length + 1);
    return shuffle(kinds, this.random).map((kind, n) => ({
      kind,
      atMs: Math.round(slot * (n + 0.5 + this.random() * 0.5)),
    }));
  }

  async inject(kind: FaultKind, startedAt: number, smtpDownMs: number): Promise<void> {
    const began = Date.now();
    const what = await this.run(kind, smtpDownMs);
    const fault = { kind, at: Math.round((began - startedAt) / 1000), what, tookMs: Date.now() - began };
    this.injected.push(fault);
    this.log(
      `fault ${this.injected.length}: ${kind} at ${fault.at} s (${what}), back after ${(fault.tookMs / 1000).toFixed(1)} s`,
    );
  }

  private async run(kind: FaultKind, smtpDownMs: number): Promise<string> {
    switch (kind) {
      case 'service-kill':
        return this.killInstance();
      case 'kafka-kill':
        return this.killKafka();
      case 'mongo-restart':
        await stopLocalServer('mongo');
        await startLocalServers();
        return 'FerretDB stopped and started';
      case 'redis-restart':
        await stopLocalServer('redis');
        await startLocalServers();
        return 'Redis stopped and started';
      case 'redis-flushall':
        return this.flushRedis();
      case 'smtp-down':
        await this.sink.stop();
        await sleep(smtpDownMs);
        await this.sink.start();
        return `SMTP server away for ${smtpDownMs / 1000} s`;
      default: {
        const never: never = kind;
        throw new Error(`unknown fault ${String(never)}`);
      }
    }
  }

  private async killInstance(): Promise<string> {
    const instances = this.cluster.instances;
    const victim = instances[Math.floor(this.random() * instances.length)];
    const pid = this.cluster.pidOf(victim);
    // Started again at once, as its orchestrator would; it gets ready while the run goes on.
    await this.cluster.kill(victim);
    return `SIGKILL ${victim.service}#${victim.replica} (pid ${pid}), started again`;
  }

  /** SIGKILL, no clean shutdown: the broker recovers its log at the next start. */
  private async killKafka(): Promise<string> {
    const pid = localKafkaPid();
    if (pid === undefined) throw new Error('no local broker to kill (infra/local/up.sh did not start one)');
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
    await startLocalServers();
    return `SIGKILL Kafka (pid ${pid}), started again`;
  }

  private async flushRedis(): Promise<string> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 3 });
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
    return 'FLUSHALL';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
