import { IllegalStateError } from '@admissions/domain-kernel';
import { ProgrammeSnapshot } from '../programme/programme.types';

/**
 * CAND-4: each programme has its intake, hence an application window [opensAt, closesAt], both
 * ends inclusive. RULES.md has no rule of its own for the window; CAND-4 (the programme's intake
 * calendar) is the closest, so the refusals cite it.
 */
export function assertWindowNotClosed(programme: ProgrammeSnapshot, now: Date): void {
  if (now.getTime() > Date.parse(programme.applicationWindow.closesAt)) {
    throw new IllegalStateError(
      `the application window of ${programme.code} closed at ${programme.applicationWindow.closesAt}`,
      'CAND-4',
      'applicationWindow.closesAt',
    );
  }
}

export function assertWindowOpen(programme: ProgrammeSnapshot, now: Date): void {
  if (now.getTime() < Date.parse(programme.applicationWindow.opensAt)) {
    throw new IllegalStateError(
      `the application window of ${programme.code} opens at ${programme.applicationWindow.opensAt}`,
      'CAND-4',
      'applicationWindow.opensAt',
    );
  }
  assertWindowNotClosed(programme, now);
}
