import { seasonOf } from './season';

describe('the season an exported event belongs to', () => {
  it('takes the academic year a payload names, whatever the event’s time', () => {
    expect(seasonOf({ academicYear: '2027-2028' }, '2027-11-20T10:00:00Z')).toBe(2027);
    expect(seasonOf({ academicYear: '2026-2027' }, '2027-01-05T10:00:00Z')).toBe(2026);
  });

  it('takes the year of a programme’s intake date', () => {
    expect(seasonOf({ intakeDate: '2027-09-14' }, '2026-10-01T10:00:00Z')).toBe(2027);
  });

  it('otherwise counts from 1 December to 30 November, Paris time', () => {
    expect(seasonOf({ decidedAt: 'x' }, '2027-01-15T09:00:00Z')).toBe(2027);
    expect(seasonOf({}, '2027-07-31T12:00:00Z')).toBe(2027);
    // REC-7: a referral's answer in mid-November closes the season that refused the candidate.
    expect(seasonOf({}, '2027-11-30T22:59:59.999Z')).toBe(2027);
    // Midnight in Paris is 23:00 UTC in winter: already December there.
    expect(seasonOf({}, '2027-11-30T23:00:00.000Z')).toBe(2028);
    expect(seasonOf({}, '2026-12-01T00:00:00.000Z')).toBe(2027);
  });

  it('ignores a year-like field of another shape, and belongs nowhere without a time', () => {
    expect(seasonOf({ academicYear: '2027' }, '2026-05-01T10:00:00Z')).toBe(2026);
    expect(seasonOf(null, 'not a time')).toBeUndefined();
  });
});
