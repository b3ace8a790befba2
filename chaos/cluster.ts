// Two instances of every service, each its own process (`node dist/apps/<service>/src/main.js`,
// as `npm start` runs them) on one namespace and one database per service, as a Deployment with
// `replicas: 2` runs them. An instance can be SIGKILLed and started again on its port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const SERVICES = ['candidacy', 'review', 'jury', 'notification', 'mobility'] as const;
export type Service = (typeof SERVICES)[number];

const ROOT = join(__dirname, '..');
const REPLICAS = 2;
const STOP_GRACE_MS = 10_000;
/** An instance that exits before it is ready (its port taken meanwhile, a server away) is started again, this often. */
const START_ATTEMPTS = 5;

/** One replica of a service; it moves to another port when its own was taken while it was down. */
export class Instance {
  constructor(
    readonly service: Service,
    readonly replica: number,
    public port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  readonly attempts: number;
}

export interface ClusterSettings {
  /** Servers, namespace, SMTP: what every instance is given. */
  readonly env: Readonly<Record<string, string>>;
  /** What one service's instances are given besides (its database, its clock). */
  readonly perService: (service: Service) => Readonly<Record<string, string>>;
  /** The ten ports the instances listen on (freePorts). */
  readonly ports: readonly number[];
  /** Where each instance's log goes (one file per instance, appended across restarts). */
  readonly logDir: string;
}

export class Cluster {
  readonly instances: readonly Instance[];
  private readonly running = new Map<Instance, Running>();
  private readonly operations = new Map<Instance, Promise<void>>();
  private stopping = false;
  private readonly overrides = new Map<Service, Record<string, string>>();
  private turn = 0;

  constructor(private readonly settings: ClusterSettings) {
    this.instances = SERVICES.flatMap((service, s) =>
      Array.from({ length: REPLICAS }, (_, replica) => {
        const port = settings.ports[s * REPLICAS + replica];
        return new Instance(service, replica, port);
      }),
    );
    mkdirSync(settings.logDir, { recursive: true });
  }

  /** Starts every instance and waits until each answers /health/ready. */
  async start(timeoutMs: number): Promise<void> {
    for (const instance of this.instances) this.launch(instance);
    await Promise.all(this.instances.map((instance) => this.ready(instance, timeoutMs)));
  }

  /** One instance of the service, in turn: the requests are spread as a Service spreads them. */
  url(service: Service): string {
    const mine = this.instances.filter((instance) => instance.service === service);
    this.turn += 1;
    return mine[this.turn % mine.length].url;
  }

  pidOf(instance: Instance): number | undefined {
    return this.running.get(instance)?.child.pid;
  }

  /** `#<replica>:<pid>` of the service's instances running now. */
  pidsOf(service: Service): string[] {
    return this.instances
      .filter((instance) => instance.service === service)
      .map((instance) => `#${instance.replica}:${this.pidOf(instance) ?? '-'}`);
  }

  /** SIGKILL, then the same instance started again (with the service's current settings). */
  kill(instance: Instance): Promise<void> {
    return this.serially(instance, () => this.relaunch(instance));
  }

  /**
   * Kills every instance of the services, runs `meanwhile` while none is up, and starts them with
   * changed settings (their clock moved ahead).
   */
  async restartWith(
    services: readonly Service[],
    env: Record<string, string>,
    meanwhile: () => Promise<void>,
  ): Promise<void> {
    const victims = this.instances.filter((instance) => services.includes(instance.service));
    await Promise.all(victims.map((instance) => this.serially(instance, () => this.halt(instance))));
    await meanwhile();
    for (const service of services) this.overrides.set(service, { ...this.overrides.get(service), ...env });
    await Promise.all(victims.map((instance) => this.serially(instance, () => this.relaunch(instance))));
  }

  /** Resolves once the instance answers /health/ready (throws past the bound); starts it again if it exits first. */
  async ready(instance: Instance, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && !this.stopping) {
      const running = this.running.get(instance);
      if (running && running.child.exitCode !== null && running.child.signalCode === null) {
        if (running.attempts >= START_ATTEMPTS) break;
        // The usual cause: its port was taken while it was down.
        [instance.port] = await freePorts(1);
        await this.serially(instance, () => this.relaunch(instance, running.attempts + 1));
      }
      const status = await fetch(`${instance.url}/health/ready`, { signal: AbortSignal.timeout(3_000) }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(500);
    }
    throw new Error(
      `${instance.service}#${instance.replica} not ready within ${timeoutMs / 1000} s (log: ${this.logOf(instance)})`,
    );
  }

  /** SIGTERM to every instance, SIGKILL to those still up after a grace period. */
  async stop(): Promise<void> {
    // Nothing starts once stopping; the restarts under way end first.
    this.stopping = true;
    await Promise.all(this.operations.values());
    const all = [...this.running.values()];
    for (const { child } of all) child.kill('SIGTERM');
    const grace = sleep(STOP_GRACE_MS).then(() => all.forEach(({ child }) => child.kill('SIGKILL')));
    await Promise.race([Promise.all(all.map(({ exited }) => exited)), grace]);
    await Promise.all(all.map(({ exited }) => exited));
    this.running.clear();
  }

  private logOf(instance: Instance): string {
    return join(this.settings.logDir, `${instance.service}-${instance.replica}.log`);
  }

  /**
   * One operation on an instance at a time: the faults and the clocks' jumps run side by side, and
   * two restarts at once would leave an untracked process holding the port.
   */
  private serially(instance: Instance, operation: () => Promise<void>): Promise<void> {
    const next = (this.operations.get(instance) ?? Promise.resolve()).then(operation);
    this.operations.set(
      instance,
      next.catch(() => undefined),
    );
    return next;
  }

  /** SIGKILL to the instance's process, if it runs, once it has exited. */
  private async halt(instance: Instance): Promise<void> {
    const running = this.running.get(instance);
    running?.child.kill('SIGKILL');
    await running?.exited;
  }

  private async relaunch(instance: Instance, attempts = 1): Promise<void> {
    await this.halt(instance);
    this.launch(instance, attempts);
  }

  private launch(instance: Instance, attempts = 1): void {
    if (this.stopping) return;
    const { env, perService } = this.settings;
    const log = createWriteStream(this.logOf(instance), { flags: 'a' });
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', instance.service, 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ...env,
        ...perService(instance.service),
        ...this.overrides.get(instance.service),
        PORT: String(instance.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.running.set(instance, { child, exited, attempts });
  }
}

/**
 * Ports nothing listens on now, below the system's ephemeral range: a port from that range may be
 * taken by some process's outgoing connection while its instance is down.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [ephemeralFrom] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * ((ephemeralFrom || 32_768) - 20_000));
    if (!ports.includes(port) && (await listenable(port))) ports.push(port);
  }
  return ports;
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
