import { parisDate } from '@admissions/domain-kernel';

/**
 * The admissions season an event belongs to: season Y is the intake of September/October Y
 * (academic year Y–Y+1, CAND-4).
 *
 * 1. A payload that names its year says so: `academicYear` "2027-2028" (referrals, mobility
 *    places) → 2027; `intakeDate` "2027-09-14" (programmes) → 2027.
 * 2. Otherwise the event's time (`ce_time`) in Paris: season Y runs from 1 December Y-1 to
 *    30 November Y. Juries sit from January to July (JURY-1), offers and waiting-list offers run
 *    through the summer, and a referral's proposals come by 31 October with 15 days to answer
 *    (REC-6, REC-7): every decision of season Y falls in that window. A file opened or submitted
 *    before December for the next intake counts in the season before (docs/analytics.md).
 */
export function seasonOf(data: unknown, occurredAt: string): number | undefined {
  const payload = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const named = yearIn(payload.academicYear, /^(\d{4})-\d{4}$/) ?? yearIn(payload.intakeDate, /^(\d{4})-\d{2}-\d{2}$/);
  if (named !== undefined) return named;
  const instant = new Date(occurredAt);
  if (Number.isNaN(instant.getTime())) return undefined;
  const { year, month } = parisDate(instant);
  return month === 12 ? year + 1 : year;
}

function yearIn(value: unknown, pattern: RegExp): number | undefined {
  const match = typeof value === 'string' ? pattern.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}
