// How the load watches a batch complete: a count read until it reaches its target, each reading
// kept as a point of the completion curve (the SVG draws them).
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 200;
/**
 * A count the server answers by scanning must not slow the work it watches (P5's counts over the
 * candidates' read model, every 200 ms at 10,000 offers, kept FerretDB busier than the storm): the
 * next reading waits long enough that counting takes at most a tenth of the time, and a curve's
 * end is late by at most one such wait. P4 and P5 now count in the streams (`watchShown`).
 */
const COUNTING_SHARE = 0.1;

export interface Curve {
  /** Milliseconds from the start until the count reached its target; undefined: not within the time given. */
  readonly ms: number | undefined;
  readonly target: number;
  /** [milliseconds from the start, count] */
  readonly points: readonly (readonly [number, number])[];
}

export async function watchUntil(
  started: number,
  count: () => Promise<number>,
  target: number,
  timeoutMs: number,
): Promise<Curve> {
  const points: [number, number][] = [];
  for (;;) {
    const asked = performance.now();
    const value = await count();
    const at = performance.now() - started;
    const took = performance.now() - asked;
    points.push([Math.round(at), value]);
    if (value >= target) return { ms: Math.round(at), target, points };
    if (at > timeoutMs) return { ms: undefined, target, points };
    await sleep(Math.max(POLL_MS, took * (1 / COUNTING_SHARE - 1)));
  }
}

/**
 * `watchUntil` on a cheap count of what was written, then until `shown` says the readers see all
 * of it: the curve is the writes', its end when the last showed.
 */
export async function watchShown(
  started: number,
  count: () => Promise<number>,
  target: number,
  shown: (timeoutMs: number) => Promise<boolean>,
  timeoutMs: number,
): Promise<Curve> {
  const written = await watchUntil(started, count, target, timeoutMs);
  if (written.ms === undefined) return written;
  if (!(await shown(timeoutMs - written.ms))) return { ...written, ms: undefined };
  const ms = Math.round(performance.now() - started);
  return { ms, target, points: [...written.points, [ms, target]] };
}

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}
