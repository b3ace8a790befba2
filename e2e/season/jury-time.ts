// When the jury can sit and decide. JURY-1: sessions from January to July only; JURY-2: the
// decisions once the session has sat. Both read the jury service's clock, which the season cannot
// move when it drives `npm start` (the real clock), and a test can (a ManualClock in-process).
import { parisDate, startOfParisDay } from '@admissions/domain-kernel';
import { setTimeout as sleep } from 'node:timers/promises';

/** JURY-1: the last month in which a jury sits. */
export const LAST_SESSION_MONTH = 7;

export type Reached = { readonly reached: true } | { readonly reached: false; readonly reason: string };

/** The jury service's clock as the season sees it. */
export interface JuryTime {
  now(): Date;
  /** Returns once the jury's clock is at or past `at`, or says why it will not be in time. */
  reach(at: Date, stop: AbortSignal): Promise<Reached>;
}

/**
 * The first instant, `leadMs` from now or later, at which JURY-1 lets a jury sit: now + lead
 * in January–July (Paris), otherwise 15 January at 10:00 of the next year.
 */
export function sessionInstant(now: Date, leadMs: number): Date {
  const soon = new Date(now.getTime() + leadMs);
  const day = parisDate(soon);
  if (day.month <= LAST_SESSION_MONTH) return soon;
  return new Date(startOfParisDay({ year: day.year + 1, month: 1, day: 15 }).getTime() + 10 * 3_600_000);
}

/**
 * The jury's clock under `npm start`: the real one, moved `shiftDays` ahead when the jury service
 * runs with `JURY_CLOCK_SHIFT_DAYS` (the same number). The season waits for a session at most
 * `maxWaitMs` away.
 */
export function realJuryTime(maxWaitMs: number, shiftDays = 0): JuryTime {
  const shiftMs = shiftDays * 86_400_000;
  const now = () => new Date(Date.now() + shiftMs);
  return {
    now,
    async reach(at, stop) {
      const wait = at.getTime() - now().getTime();
      if (wait > maxWaitMs) {
        const days = Math.ceil(wait / 86_400_000);
        return {
          reached: false,
          reason:
            `JURY-2: the jury decides once its session has sat, and JURY-1 seats juries January–July only; ` +
            `the jury service's clock reads ${now().toISOString()}, so the first session it accepts sits at ` +
            `${at.toISOString()}, ${days} day(s) away: run the jury with JURY_CLOCK_SHIFT_DAYS=${days + shiftDays} ` +
            `(npm start) and the season with --jury-clock-shift-days ${days + shiftDays}`,
        };
      }
      // A margin past the sitting, for the jury's own reading of the clock.
      await sleep(Math.max(0, wait) + 500, undefined, { signal: stop });
      return { reached: true };
    },
  };
}
