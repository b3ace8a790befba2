import { juriesOverAt, monthsAfter, seasonOf } from './season';

describe('admissions seasons', () => {
  it('counts December with the next season, whose juries sit from January (JURY-1)', () => {
    expect(seasonOf('2026-12-10T10:00:00.000Z')).toBe(2027);
    expect(seasonOf('2026-11-30T22:59:59.000Z')).toBe(2026);
    expect(seasonOf('2027-11-30T10:00:00.000Z')).toBe(2027);
    expect(seasonOf('not a date')).toBeUndefined();
  });

  it('ends its juries on 1 August, Paris time (summer: UTC+2)', () => {
    expect(juriesOverAt(2027).toISOString()).toBe('2027-07-31T22:00:00.000Z');
  });

  it('adds calendar months', () => {
    expect(monthsAfter('2027-03-16T09:00:00.000Z', 6).toISOString()).toBe('2027-09-16T09:00:00.000Z');
  });
});
