import {
  lastsAtLeastMonths,
  lastsAtLeastWeeks,
  lastsAtMostWeeks,
  parseCalendarDate,
  toParisIso,
  windowEnd,
} from './calendar';

const date = (text: string) => {
  const parsed = parseCalendarDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
};

describe('windows (RULES.md Time)', () => {
  it('an offer made on 15 March at any hour, 10 days, ends 25 March 23:59:59.999 Paris (winter time)', () => {
    expect(windowEnd(new Date('2026-03-15T00:30:00+01:00'), 10).toISOString()).toBe('2026-03-25T22:59:59.999Z');
    expect(windowEnd(new Date('2026-03-15T23:30:00+01:00'), 10).toISOString()).toBe('2026-03-25T22:59:59.999Z');
  });

  it('a window that crosses the change to summer time still ends at local midnight', () => {
    // 29 March 2026 is the switch to CEST (UTC+2).
    expect(windowEnd(new Date('2026-03-25T12:00:00+01:00'), 10).toISOString()).toBe('2026-04-04T21:59:59.999Z');
  });

  it('the Paris calendar day decides, not the UTC one', () => {
    // 23:30 UTC on 14 March is already 15 March in Paris.
    expect(windowEnd(new Date('2026-03-14T23:30:00Z'), 10).toISOString()).toBe('2026-03-25T22:59:59.999Z');
  });
});

describe('stay durations (RULES.md Time)', () => {
  it('1 Sept 2026 to 29 Feb 2028 is 18 months; to 28 Feb 2028 is not', () => {
    expect(lastsAtLeastMonths(date('2026-09-01'), date('2028-02-29'), 18)).toBe(true);
    expect(lastsAtLeastMonths(date('2026-09-01'), date('2028-02-28'), 18)).toBe(false);
  });

  it('weeks count both the first and the last day', () => {
    expect(lastsAtLeastWeeks(date('2026-06-01'), date('2026-08-02'), 9)).toBe(true); // 63 days
    expect(lastsAtLeastWeeks(date('2026-06-01'), date('2026-08-01'), 9)).toBe(false); // 62 days
    expect(lastsAtMostWeeks(date('2026-01-01'), date('2026-06-17'), 24)).toBe(true); // 168 days
    expect(lastsAtMostWeeks(date('2026-01-01'), date('2026-06-18'), 24)).toBe(false);
  });

  it('refuses impossible dates', () => {
    expect(parseCalendarDate('2027-02-29')).toBeUndefined();
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('toParisIso', () => {
  it('REV-2: shows an interview time in Europe/Paris, winter and summer time from the time zone', () => {
    expect(toParisIso('2026-03-10T09:00:00.000Z')).toBe('2026-03-10T10:00:00+01:00');
    expect(toParisIso('2026-06-10T08:30:00.000Z')).toBe('2026-06-10T10:30:00+02:00');
    // The night of the change to summer time: 01:30 UTC is 03:30 in Paris.
    expect(toParisIso('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30:00+02:00');
  });
});
