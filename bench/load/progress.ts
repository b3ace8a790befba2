// How the load watches a batch complete: a count read every POLL_MS until it reaches its target,
// each reading kept as a point of the completion curve (the SVG draws them).
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 200;

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
    const value = await count();
    const at = performance.now() - started;
    points.push([Math.round(at), value]);
    if (value >= target) return { ms: Math.round(at), target, points };
    if (at > timeoutMs) return { ms: undefined, target, points };
    await sleep(POLL_MS);
  }
}

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}
