import { CalendarDate } from '@admissions/domain-kernel';

/**
 * The academic year a mobility belongs to, from its first day: the French academic year runs
 * from September to August, so a stay starting in July 2027 (a summer stay) is in 2026-2027.
 */
export function academicYearOn(date: CalendarDate): string {
  const first = date.month >= 9 ? date.year : date.year - 1;
  return `${first}-${first + 1}`;
}
