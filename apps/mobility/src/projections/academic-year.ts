import { academicYearOn, fromIsoDate } from '../domain';

/** The academic year of a mobility, from its first day as stored (see the domain's academicYearOn). */
export const academicYearOf = (isoDate: string): string => academicYearOn(fromIsoDate(isoDate));

/** `2026-2027`: two consecutive years. */
export function isAcademicYear(text: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}
