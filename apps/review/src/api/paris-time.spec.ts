import { toParisIso } from './paris-time';

describe('toParisIso', () => {
  it('REV-2: shows an interview time in Europe/Paris, winter and summer time from the time zone', () => {
    expect(toParisIso('2026-03-10T09:00:00.000Z')).toBe('2026-03-10T10:00:00+01:00');
    expect(toParisIso('2026-06-10T08:30:00.000Z')).toBe('2026-06-10T10:30:00+02:00');
    // The night of the change to summer time: 01:30 UTC is 03:30 in Paris.
    expect(toParisIso('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30:00+02:00');
  });
});
