/**
 * Calendar rules of RULES.md "Time", computed in Europe/Paris with the platform's Intl data so
 * that summer and winter time come from the time zone, never from adding hours.
 */
export const PARIS = 'Europe/Paris';

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parisParts(instant: Date): CalendarDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar day an instant falls on in Paris. */
export function parisDate(instant: Date): CalendarDate {
  const { year, month, day } = parisParts(instant);
  return { year, month, day };
}

/** Adds days (or months) on the calendar, normalising overflow the way Date.UTC does. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1 + months, date.day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Orders two calendar dates: negative, zero or positive. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from a to b, counting neither end (b - a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The instant at which a Paris calendar day starts (00:00:00.000 local time). */
export function startOfParisDay(date: CalendarDate): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let instant = guess;
  // Two passes settle the offset even when the guess sits on the other side of a DST change.
  for (let i = 0; i < 2; i += 1) {
    const p = parisParts(new Date(instant));
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
    instant = guess - offset;
  }
  return new Date(instant);
}

/**
 * The last moment of a window of `days` days opened at `openedAt`: 23:59:59.999 Paris time on
 * calendar day D + days (an offer made on 15 March, 10 days: 25 March 23:59:59.999).
 */
export function windowEnd(openedAt: Date, days: number): Date {
  const lastDay = addDays(parisDate(openedAt), days);
  return new Date(startOfParisDay(addDays(lastDay, 1)).getTime() - 1);
}

/** Parses an ISO calendar date (YYYY-MM-DD); undefined when malformed or impossible. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return compareDates(addDays(date, 0), date) === 0 ? date : undefined;
}

export function formatCalendarDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Length of a stay counting both its first and last day. */
export function stayDays(start: CalendarDate, end: CalendarDate): number {
  return daysBetween(start, end) + 1;
}

/** A stay from start to end lasts at least `months` months when end >= start + months - 1 day. */
export function lastsAtLeastMonths(start: CalendarDate, end: CalendarDate, months: number): boolean {
  return compareDates(end, addDays(addMonths(start, months), -1)) >= 0;
}

/** A stay lasts at most `months` months when end <= start + months - 1 day. */
export function lastsAtMostMonths(start: CalendarDate, end: CalendarDate, months: number): boolean {
  return compareDates(end, addDays(addMonths(start, months), -1)) <= 0;
}

export function lastsAtLeastWeeks(start: CalendarDate, end: CalendarDate, weeks: number): boolean {
  return stayDays(start, end) >= 7 * weeks;
}

export function lastsAtMostWeeks(start: CalendarDate, end: CalendarDate, weeks: number): boolean {
  return stayDays(start, end) <= 7 * weeks;
}

/**
 * An instant as Paris wall-clock time with its offset, e.g. `2026-03-10T10:00:00+01:00`: the
 * offset comes from the time zone (winter +01:00, summer +02:00), never from adding hours.
 */
export function toParisIso(iso: string): string {
  const instant = new Date(iso);
  const p = parisParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${formatCalendarDate(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}
