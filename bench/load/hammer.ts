// One autocannon run against the loopback, bounded in time and in count, with each response's
// time kept per second: the percentiles come from every response (not autocannon's histogram
// buckets) and the per-second series draws the latency-over-time chart.
import autocannon from 'autocannon';
import { distribution, type Distribution } from '../../e2e/season/stats';

/** What one request of the run sends: the n-th of the run. */
export interface RequestPlan {
  readonly method: 'PUT' | 'POST';
  path(n: number): string;
  headers(n: number): Record<string, string>;
  body(n: number): string;
}

export interface HammerSettings {
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second over all connections; none: as fast as the server answers (saturation). */
  readonly rate?: number;
}

export interface SecondFigures {
  readonly second: number;
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
}

export interface HammerFigures {
  readonly rps: number;
  readonly ok: number;
  /** Non-2xx answers, errors and timeouts. */
  readonly failed: number;
  readonly latency: Distribution;
  readonly timeline: readonly SecondFigures[];
}

/** Never more than this many requests in a run, whatever its rate and length. */
const MAX_REQUESTS = 200_000;

export async function hammer(base: string, plan: RequestPlan, settings: HammerSettings): Promise<HammerFigures> {
  const origin = new URL(base);
  if (origin.hostname !== '127.0.0.1') throw new Error(`the load targets 127.0.0.1 only (got ${base})`);
  let sent = 0;
  const started = performance.now();
  const seconds: number[][] = [];
  const all: number[] = [];
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url: origin.origin,
    connections: settings.connections,
    duration: settings.seconds,
    maxOverallRequests: MAX_REQUESTS,
    ...(settings.rate === undefined ? {} : { overallRate: settings.rate }),
    timeout: 10,
    requests: [
      {
        method: plan.method,
        setupRequest: (request) => {
          const n = sent++;
          return { ...request, path: plan.path(n), headers: plan.headers(n), body: plan.body(n) };
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode < 200 || statusCode >= 300) return;
    const second = Math.floor((performance.now() - started) / 1000);
    (seconds[second] ??= []).push(responseTime);
    all.push(responseTime);
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  const timeline = seconds.flatMap((times, second) => {
    const d = times && distribution(times);
    return d ? [{ second, count: d.count, p50: d.p50, p99: d.p99 }] : [];
  });
  const latency = distribution(all) ?? { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return {
    rps: all.length / elapsed,
    ok: all.length,
    failed: result.non2xx + result.errors + result.timeouts,
    latency,
    timeline,
  };
}
