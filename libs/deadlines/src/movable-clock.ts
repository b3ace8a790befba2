import type { Clock, ClockListener } from '@admissions/domain-kernel';

/** A clock that tests move by hand (ManualClock); the scheduler fires what became due on each move. */
export interface MovableClock extends Clock {
  onMove(listener: ClockListener): () => void;
}

// Duck-typed rather than `instanceof ManualClock`, so any test clock with onMove drives deadlines.
export function isMovableClock(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).onMove === 'function';
}
