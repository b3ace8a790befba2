// One autocannon run against the loopback at saturation (each connection sends its next request
// when the last is answered), bounded in time and in count, with each response's time kept per
// second: the percentiles come from every response (not autocannon's histogram buckets) and the
// per-second series draws the latency-over-time chart. A steady rate is paced.ts's.
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
export const MAX_REQUESTS = 200_000;

/** The run's target, refused unless it is this machine's loopback. */
export function loopback(base: string): URL {
  const origin = new URL(base);
  if (origin.hostname !== '127.0.0.1') throw new Error(`the load targets 127.0.0.1 only (got ${base})`);
  return origin;
}

/** The figures of a run from its answered requests' times, by the second they were sent in. */
export function figuresOf(bySecond: readonly number[][], failed: number, elapsedSeconds: number): HammerFigures {
  const all = bySecond.flatMap((times) => times ?? []);
  const timeline = bySecond.flatMap((times, second) => {
    const d = times && distribution(times);
    return d ? [{ second, count: d.count, p50: d.p50, p99: d.p99 }] : [];
  });
  return {
    rps: all.length / elapsedSeconds,
    ok: all.length,
    failed,
    latency: distribution(all) ?? { count: 0, p50: 0, p95: 0, p99: 0, max: 0 },
    timeline,
  };
}

export async function hammer(base: string, plan: RequestPlan, settings: HammerSettings): Promise<HammerFigures> {
  const origin = loopback(base);
  let sent = 0;
  const started = performance.now();
  const seconds: number[][] = [];
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
    (seconds[Math.floor((performance.now() - started) / 1000)] ??= []).push(responseTime);
  });
  const result = await done;
  return figuresOf(seconds, result.non2xx + result.errors + result.timeouts, (performance.now() - started) / 1000);
}
