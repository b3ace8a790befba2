// What one chaos run does: how long the load runs, how many of each fault it injects meanwhile,
// and the bounds that make it stop by itself. `npm run chaos` runs LONG (issue 18's counts);
// e2e/chaos.e2e-spec.ts runs SHORT inside `npm test`.

export type FaultKind =
  'service-kill' | 'kafka-kill' | 'mongo-restart' | 'redis-restart' | 'redis-flushall' | 'smtp-down';

export interface ChaosPlan {
  /** How long the load runs; the faults are spread over it. */
  readonly loadMs: number;
  /** Candidates filling in and submitting their files at once (each then reviewed, decided, enrolled or not). */
  readonly candidates: number;
  /** Students proposing, changing, having approved and cancelling mobility plans at once. */
  readonly students: number;
  readonly faults: Readonly<Record<FaultKind, number>>;
  /** How long the SMTP server stays down at each smtp-down. */
  readonly smtpDownMs: number;
  /** Poison messages published on purpose: the only ones the dead-letter topics may hold. */
  readonly poison: number;
  /**
   * When the jury's and the notification's clocks jump a month ahead (past every offer's expiry
   * and reminder; JURY-1 lets each programme sit once a month), as fractions of the load.
   */
  readonly clockJumps: readonly number[];
  /** When every programme's jury sits, as fractions of the load: once between two jumps at most. */
  readonly jurySittings: readonly number[];
  /** Bound on the wait for everything to settle once the load stops; the checks follow either way. */
  readonly quiesceMs: number;
  /**
   * Bound on the run from the instances' start to the load's end (a fault that hangs stops it
   * there); the whole run takes at most this, the quiet's bound and the checks.
   */
  readonly timeoutMs: number;
}

export const LONG: ChaosPlan = {
  loadMs: 12 * 60_000,
  candidates: 6,
  students: 2,
  faults: {
    'service-kill': 24,
    'kafka-kill': 3,
    'mongo-restart': 2,
    'redis-restart': 2,
    'redis-flushall': 2,
    'smtp-down': 1,
  },
  smtpDownMs: 30_000,
  poison: 3,
  clockJumps: [0.25, 0.5, 0.75],
  jurySittings: [0.02, 0.3, 0.55, 0.8],
  quiesceMs: 5 * 60_000,
  timeoutMs: 30 * 60_000,
};

export const SHORT: ChaosPlan = {
  loadMs: 60_000,
  candidates: 3,
  students: 1,
  faults: {
    'service-kill': 3,
    'kafka-kill': 1,
    'mongo-restart': 1,
    'redis-restart': 0,
    'redis-flushall': 1,
    'smtp-down': 0,
  },
  smtpDownMs: 10_000,
  poison: 2,
  clockJumps: [0.4],
  jurySittings: [0.05, 0.8],
  quiesceMs: 120_000,
  timeoutMs: 6 * 60_000,
};

/** The plan scaled to `loadMs` and fault counts given on the command line (`npm run chaos -- --minutes 5`). */
export function scaled(plan: ChaosPlan, minutes: number | undefined): ChaosPlan {
  if (minutes === undefined) return plan;
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 120) throw new Error('--minutes: 1 to 120');
  const ratio = (minutes * 60_000) / plan.loadMs;
  const faults = Object.fromEntries(
    Object.entries(plan.faults).map(([kind, count]) => [kind, Math.max(count > 0 ? 1 : 0, Math.round(count * ratio))]),
  ) as Record<FaultKind, number>;
  return {
    ...plan,
    loadMs: minutes * 60_000,
    faults,
    timeoutMs: plan.timeoutMs + Math.max(0, minutes * 60_000 - plan.loadMs),
  };
}
