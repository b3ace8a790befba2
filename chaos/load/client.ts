// The load's HTTP client: each person calls one service with their own token, spread over its
// instances; a command is sent again while no server answers, and its 2xx answer is kept with
// the commits its X-Consistency-Token names, for the invariants.
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Role } from '../../libs/platform/src/auth';
import { Http, HttpLog, type Reply, type RouteSummary } from '../../e2e/season/http';
import type { Cluster, Service } from '../cluster';

/** A command answered 2xx: the commits it stored, which the store must hold afterwards. */
export interface Acknowledged {
  readonly service: Service;
  readonly route: string;
  readonly consistencyToken: string;
}

type Params = Readonly<Record<string, string>>;

/** A request that got no answer, or 502/503/504 (a server away), is sent again for this long (both instances may be restarting). */
const RETRY_FOR_MS = 60_000;
const RETRY_MS = 1_000;
const REQUEST_TIMEOUT_MS = 15_000;
const TRANSIENT = new Set([0, 502, 503, 504]);

export class LoadClient {
  readonly acknowledged: Acknowledged[] = [];
  private readonly http: Http;
  private readonly stopping = new AbortController();
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly cluster: Cluster,
    private readonly token: (subject: string, role: Role) => string,
  ) {
    // Every request and every pause listens to it.
    setMaxListeners(0, this.stopping.signal);
    this.http = new Http(new HttpLog(), REQUEST_TIMEOUT_MS, this.stopping.signal);
  }

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  stop(): void {
    this.stopping.abort();
  }

  /** One person (subject, role) calling one service. */
  as(service: Service, role: Role, subject: string): Person {
    return new Person(this, service, role, subject);
  }

  routes(): readonly RouteSummary[] {
    return this.http.log.summary();
  }

  /** Sleeps, but not past the stop. */
  pause(ms: number): Promise<void> {
    return sleep(Math.max(0, ms), undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  send<T>(
    service: Service,
    role: Role,
    subject: string,
    method: string,
    route: string,
    params: Params,
    body?: unknown,
  ) {
    const key = `${role} ${subject}`;
    const token = this.tokens.get(key) ?? this.token(subject, role);
    this.tokens.set(key, token);
    return this.http.send<T>(service, this.cluster.url(service), method, route, params, token, body);
  }

  acknowledge(service: Service, route: string, reply: Reply<unknown>): void {
    if (reply.ok && reply.consistencyToken) {
      this.acknowledged.push({ service, route, consistencyToken: reply.consistencyToken });
    }
  }

  retryDeadline(): number {
    return Date.now() + RETRY_FOR_MS;
  }
}

export class Person {
  constructor(
    private readonly client: LoadClient,
    private readonly service: Service,
    private readonly role: Role,
    private readonly subject: string,
  ) {}

  read<T>(route: string, params: Params = {}): Promise<Reply<T>> {
    return this.client.send<T>(this.service, this.role, this.subject, 'GET', route, params);
  }

  /**
   * A command, sent again while no server answers (`repeatable` false: only when the connection
   * was refused, as a request that may have arrived must not be repeated); a 2xx answer is acknowledged.
   */
  async command<T>(method: string, route: string, params: Params = {}, body?: unknown, repeatable = true) {
    const send = () => this.client.send<T>(this.service, this.role, this.subject, method, route, params, body);
    const again = (reply: Reply<T>) =>
      !reply.ok && (repeatable ? TRANSIENT.has(reply.status) : reply.problem.includes('ECONNREFUSED'));
    let reply = await send();
    const until = this.client.retryDeadline();
    while (again(reply) && Date.now() < until && !this.client.stopped) {
      await this.client.pause(RETRY_MS);
      reply = await send();
    }
    this.client.acknowledge(this.service, `${method} ${route}`, reply);
    return reply;
  }
}
