import { delayUntil } from './delay';

describe('delayUntil', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');

  it('is the time left on the clock until the deadline', () => {
    expect(delayUntil(new Date('2026-03-01T10:00:01.500Z'), now)).toBe(1500);
  });

  it('is zero for a deadline that is due now or already past, so the job runs at once', () => {
    expect(delayUntil(now, now)).toBe(0);
    expect(delayUntil(new Date('2026-03-01T09:00:00.000Z'), now)).toBe(0);
  });
});
