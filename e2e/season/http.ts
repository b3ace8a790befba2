// The season's HTTP client: every request has a timeout and stops with the run, and every
// exchange is logged by route (the path with its ids as `:names`), so that the report can name
// the slowest request and count the failures of each route.
import { CONSISTENCY_HEADER } from '../../libs/platform/src/consistency/consistency-token';
import { type Distribution, distribution } from './stats';

/** The service a request goes to, as the log names it. */
type Service = string;

export type Reply<T> =
  /** consistencyToken: the X-Consistency-Token a command's reply carries (the commits it stored). */
  | { readonly ok: true; readonly status: number; readonly body: T; readonly consistencyToken?: string }
  /** status 0: no answer (timeout, refused connection, the run stopped). */
  | { readonly ok: false; readonly status: number; readonly problem: string };

export interface Slowest {
  readonly ms: number;
  readonly path: string;
  readonly status: string;
  readonly at: string;
}

export interface RouteSummary extends Distribution {
  readonly route: string;
  readonly slowest: Slowest;
  /** By status ('422', 'timeout', 'no answer', 'stopped'), with the first problem seen as a sample. */
  readonly failures: readonly { readonly status: string; readonly count: number; readonly sample: string }[];
}

interface RouteRecord {
  readonly durations: number[];
  slowest: Slowest;
  readonly failures: Map<string, { count: number; readonly sample: string }>;
}

export class HttpLog {
  private readonly routes = new Map<string, RouteRecord>();

  record(route: string, exchange: Slowest & { readonly ok: boolean; readonly problem: string }): void {
    const { ok, problem, ...slowest } = exchange;
    const record: RouteRecord = this.routes.get(route) ?? { durations: [], slowest, failures: new Map() };
    this.routes.set(route, record);
    record.durations.push(slowest.ms);
    if (slowest.ms > record.slowest.ms) record.slowest = slowest;
    if (ok) return;
    const failure = record.failures.get(slowest.status) ?? { count: 0, sample: problem };
    failure.count += 1;
    record.failures.set(slowest.status, failure);
  }

  summary(): RouteSummary[] {
    return [...this.routes]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, { durations, slowest, failures }]) => ({
        route,
        ...(distribution(durations) as Distribution),
        slowest: { ...slowest, ms: Math.round(slowest.ms) },
        failures: [...failures].map(([status, { count, sample }]) => ({ status, count, sample })),
      }));
  }
}

type Params = Readonly<Record<string, string>>;

export class Http {
  constructor(
    readonly log: HttpLog,
    private readonly timeoutMs: number,
    private readonly stop: AbortSignal,
  ) {}

  /** One service as one person sees it (their bearer token). */
  as(service: Service, base: string, token: string): Api {
    return new Api(this, service, base, token);
  }

  /** Never throws: a failure is a reply with ok false, logged under its route. */
  async send<T>(
    service: Service,
    base: string,
    method: string,
    route: string,
    params: Params,
    token: string | undefined,
    body?: unknown,
  ): Promise<Reply<T>> {
    const path = expand(route, params);
    const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const at = new Date().toISOString();
    const started = performance.now();
    const reply = await this.exchange<T>(base + path, { method, headers, body: payload });
    // With no status, the kind of failure ('timeout', 'no answer', 'stopped') stands in for it.
    const status = reply.ok || reply.status > 0 ? String(reply.status) : reply.problem.split(':')[0];
    this.log.record(`${service} ${method} ${route}`, {
      ms: performance.now() - started,
      path,
      status,
      at,
      ok: reply.ok,
      problem: reply.ok ? '' : reply.problem,
    });
    return reply;
  }

  private async exchange<T>(url: string, init: RequestInit): Promise<Reply<T>> {
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.stop]);
      const response = await fetch(url, { ...init, signal });
      const text = await response.text();
      const body = parse(text, response.headers.get('content-type') ?? '');
      const consistencyToken = response.headers.get(CONSISTENCY_HEADER) ?? undefined;
      if (response.ok) return { ok: true, status: response.status, body: body as T, consistencyToken };
      return { ok: false, status: response.status, problem: problemOf(body) };
    } catch (error) {
      if (this.stop.aborted) return { ok: false, status: 0, problem: 'stopped: the run stopped' };
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        return { ok: false, status: 0, problem: `timeout: no answer within ${this.timeoutMs} ms` };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return { ok: false, status: 0, problem: `no answer: ${cause}` };
    }
  }
}

export class Api {
  constructor(
    private readonly http: Http,
    private readonly service: Service,
    private readonly base: string,
    private readonly token: string,
  ) {}

  get<T>(route: string, params: Params = {}): Promise<Reply<T>> {
    return this.http.send<T>(this.service, this.base, 'GET', route, params, this.token);
  }

  post<T>(route: string, params: Params = {}, body?: unknown): Promise<Reply<T>> {
    return this.http.send<T>(this.service, this.base, 'POST', route, params, this.token, body);
  }

  put<T>(route: string, params: Params, body: unknown): Promise<Reply<T>> {
    return this.http.send<T>(this.service, this.base, 'PUT', route, params, this.token, body);
  }
}

/** '/v1/reviews/:id' with { id } → '/v1/reviews/<id>'. */
function expand(route: string, params: Params): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

function parse(text: string, contentType: string): unknown {
  if (!contentType.includes('json') || text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The problem+json's rule and detail, short enough to sit in a table. */
function problemOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return String(body).slice(0, 200);
  const { ruleId, detail, title } = body as Record<string, unknown>;
  return [ruleId, detail ?? title]
    .filter((part) => typeof part === 'string')
    .join(' ')
    .slice(0, 200);
}
