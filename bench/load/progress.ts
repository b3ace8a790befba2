// How the load watches a batch complete: a count read until it reaches its target, each reading
// kept as a point of the completion curve (the SVG draws them).
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 200;
/**
 * A count may be one the server answers by scanning (FerretDB filters a nested field in its own
 * process: at 10,000 offers each P5 count read every document of the read model, and the two
 * counts every 200 ms kept FerretDB busy with the watch rather than the storm). The next reading
 * waits long enough that counting takes at most a tenth of the time; a curve's end is then late
 * by at most one such wait.
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

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}
