import { lastJuries, retentionDue, type DatedOutcome } from './retention';

const policy = { notAdmittedMonths: 6, enrolledMonths: 3 };
const sittings = ['2027-01-20T09:00:00.000Z', '2027-07-08T08:00:00.000Z', '2027-03-15T09:00:00.000Z'];
const rejected: DatedOutcome = { outcome: 'REJECTED', at: '2027-03-15T10:00:00.000Z' };
const enrolled: DatedOutcome = { outcome: 'ENROLLED', at: '2027-03-20T10:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('retention of admission files after the season’s last jury', () => {
  it('knows a season’s last jury only once no other can sit, from 1 August', () => {
    expect(lastJuries(sittings, at('2027-07-31T12:00:00.000Z')).get(2027)).toBeUndefined();
    expect(lastJuries(sittings, at('2027-08-01T12:00:00.000Z')).get(2027)).toBe('2027-07-08T08:00:00.000Z');
  });

  it('erases a file not admitted the policy’s months after the last jury, not a day before', () => {
    const before = at('2028-01-08T07:59:59.000Z');
    const after = at('2028-01-08T08:00:00.000Z');
    const last = lastJuries(sittings, after);
    expect(retentionDue('c1', [rejected], 'NONE', last, policy, before)).toBeUndefined();
    expect(retentionDue('c1', [rejected], 'NONE', last, policy, after)).toEqual({
      personId: 'c1',
      category: 'not-admitted',
      season: 2027,
      lastJuryAt: '2027-07-08T08:00:00.000Z',
      dueAt: '2028-01-08T08:00:00.000Z',
    });
  });

  it('erases an enrolled student’s admission file after its own months', () => {
    const now = at('2027-10-08T08:00:00.000Z');
    const due = retentionDue('c2', [rejected, enrolled], 'NONE', lastJuries(sittings, now), policy, now);
    expect(due?.category).toBe('enrolled');
    expect(retentionDue('c3', [rejected], 'NONE', lastJuries(sittings, now), policy, now)).toBeUndefined();
  });

  it('keeps a candidate who applied again, an open offer and a pending referral', () => {
    const now = at('2028-09-01T00:00:00.000Z');
    const last = lastJuries(sittings, now);
    const again: DatedOutcome = { outcome: 'PENDING', at: '2028-02-01T10:00:00.000Z' };
    expect(retentionDue('c4', [rejected, again], 'NONE', last, policy, now)).toBeUndefined();
    expect(retentionDue('c5', [{ outcome: 'ADMITTED', at: rejected.at }], 'NONE', last, policy, now)).toBeUndefined();
    expect(retentionDue('c6', [rejected], 'OPEN', last, policy, now)).toBeUndefined();
    expect(retentionDue('c7', [rejected], 'ACCEPTED', last, policy, now)?.category).toBe('enrolled');
    expect(retentionDue('c8', [], 'NONE', last, policy, now)).toBeUndefined();
  });
});
