import { parisDate, startOfParisDay } from './calendar';

/**
 * The admissions season an instant belongs to: season Y's juries sit from January to July Y
 * (JURY-1); what happens from December Y-1 to November Y (files, offers, referrals) is season Y's.
 */
export function seasonOf(at: string): number | undefined {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return undefined;
  const { year, month } = parisDate(instant);
  return month === 12 ? year + 1 : year;
}

/** When no jury of the season can sit any more: 1 August, 00:00 Paris (JURY-1: none from August). */
export function juriesOverAt(season: number): Date {
  return startOfParisDay({ year: season, month: 8, day: 1 });
}

/** Calendar months after an instant, in UTC (a month's end runs over into the next, as Date does). */
export function monthsAfter(at: string, months: number): Date {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}
