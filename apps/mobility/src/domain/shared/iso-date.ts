import { CalendarDate, formatCalendarDate, parseCalendarDate } from '@admissions/domain-kernel';

/** Events carry calendar dates as ISO strings (YYYY-MM-DD). */
export type IsoDate = string;

export const toIsoDate = (date: CalendarDate): IsoDate => formatCalendarDate(date);

/**
 * Reads back a date written by toIsoDate into a stored event. A malformed value means a corrupt
 * stream, not a user mistake, so it is a plain Error rather than a DomainError.
 */
export function fromIsoDate(text: IsoDate): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`Corrupt stored date: ${text}`);
  return date;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'object' || value === null) return false;
  const { year, month, day } = value as Record<string, unknown>;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') return false;
  return parseCalendarDate(formatCalendarDate({ year, month, day })) !== undefined;
}
