import { notAdmissibleDue, type ReviewStanding } from './retention';

const refused = (openedAt: string): ReviewStanding => ({ declaredNotAdmissible: true, openedAt });
const admissible = (openedAt: string): ReviewStanding => ({ declaredNotAdmissible: false, openedAt });
const at = (iso: string) => new Date(iso);

describe('retention of files declared not admissible (REV-4)', () => {
  it('erases them the policy’s months after the season’s juries are over (1 August, JURY-1), not a second before', () => {
    const files = [refused('2027-02-10T10:00:00.000Z')];
    expect(notAdmissibleDue('c1', files, 6, at('2028-01-31T21:59:59.999Z'))).toBeUndefined();
    expect(notAdmissibleDue('c1', files, 6, at('2028-01-31T22:00:00.000Z'))).toEqual({
      personId: 'c1',
      category: 'not-admissible',
      season: 2027,
      dueAt: '2028-01-31T22:00:00.000Z',
    });
  });

  it('leaves to the jury a person with one file admissible, and keeps a file still under review', () => {
    const now = at('2029-01-01T00:00:00.000Z');
    expect(
      notAdmissibleDue('c2', [refused('2027-02-10T10:00:00.000Z'), admissible('2027-03-01T10:00:00.000Z')], 6, now),
    ).toBeUndefined();
    expect(notAdmissibleDue('c3', [{ declaredNotAdmissible: false, openedAt: null }], 6, now)).toBeUndefined();
    expect(notAdmissibleDue('c4', [], 6, now)).toBeUndefined();
  });

  it('judges the latest season only: refused in 2027, admissible in 2028, kept', () => {
    const files = [refused('2027-02-10T10:00:00.000Z'), admissible('2027-12-15T10:00:00.000Z')];
    expect(notAdmissibleDue('c5', files, 6, at('2028-03-01T00:00:00.000Z'))).toBeUndefined();
  });
});
