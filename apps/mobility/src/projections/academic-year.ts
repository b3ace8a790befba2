/**
 * The academic year a mobility belongs to, from its first day: the French academic year runs
 * from September to August, so a stay starting in July 2027 (a summer stay) is in 2026-2027.
 */
export function academicYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const first = month >= 9 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** `2026-2027`: two consecutive years. */
export function isAcademicYear(text: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}
