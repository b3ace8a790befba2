import { Diploma, REQUIRED_EXPERIENCE_MONTHS, assessEligibility } from './eligibility';

const diploma = (kind: Diploma['kind'], extra: Partial<Diploma> = {}): Diploma => ({
  kind,
  title: `${kind} diploma`,
  country: kind === 'FOREIGN' ? 'BR' : 'FR',
  year: 2018,
  ...extra,
});

describe('assessEligibility (ELIG-1..6)', () => {
  it('ELIG-1: a CTI-accredited engineering diploma is eligible', () => {
    const result = assessEligibility([diploma('CTI_ENGINEERING')], 0);
    expect(result).toMatchObject({ status: 'ELIGIBLE', matchedRule: 'ELIG-1' });
    expect(result.reason).toMatch(/^ELIG-1: .*CTI-accredited/);
  });

  it('ELIG-2: a business-school diploma conferring the Master degree is eligible', () => {
    expect(assessEligibility([diploma('BUSINESS_SCHOOL_MASTER')], 0)).toMatchObject({
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-2',
    });
  });

  it('ELIG-3: a university Master 2 (or DEA / DESS) is eligible without experience', () => {
    expect(assessEligibility([diploma('UNIVERSITY_M2', { title: 'DESS finance' })], 0)).toMatchObject({
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-3',
    });
  });

  it('ELIG-4: an M1 with 36 months of experience is eligible', () => {
    expect(REQUIRED_EXPERIENCE_MONTHS).toBe(36);
    expect(assessEligibility([diploma('UNIVERSITY_M1')], 36)).toMatchObject({
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-4',
    });
  });

  it('ELIG-4: an M1 with 35 months of experience is ineligible, and the check says why', () => {
    const result = assessEligibility([diploma('UNIVERSITY_M1', { title: 'Maîtrise de chimie' })], 35);
    expect(result.status).toBe('INELIGIBLE');
    expect(result.matchedRule).toBeUndefined();
    expect(result.checks[3]).toEqual({
      ruleId: 'ELIG-4',
      passed: false,
      reason:
        'university M1 or Maîtrise "Maîtrise de chimie" (FR, 2018) with 35 months of professional experience, fewer than the 36 required',
    });
  });

  it('ELIG-4: an M1 whose experience is not recorded yet is not eligible', () => {
    const result = assessEligibility([diploma('UNIVERSITY_M1')], undefined);
    expect(result.status).toBe('INELIGIBLE');
    expect(result.checks[3].reason).toMatch(/experience not recorded/);
  });

  it('ELIG-5: a foreign diploma declared Bac+5 is pending equivalence, not eligible', () => {
    const result = assessEligibility([diploma('FOREIGN', { declaredLevel: 'BAC+5' })], 0);
    expect(result).toMatchObject({ status: 'PENDING_EQUIVALENCE', matchedRule: 'ELIG-5' });
    expect(result.reason).toMatch(/equivalence to be confirmed by the reviewer/);
  });

  it('ELIG-5: a foreign Bac+4 is treated like an M1: pending with 36 months, ineligible with 35', () => {
    const bac4 = diploma('FOREIGN', { declaredLevel: 'BAC+4' });
    expect(assessEligibility([bac4], 36)).toMatchObject({ status: 'PENDING_EQUIVALENCE', matchedRule: 'ELIG-5' });
    const short = assessEligibility([bac4], 35);
    expect(short.status).toBe('INELIGIBLE');
    expect(short.checks[4]).toMatchObject({ ruleId: 'ELIG-5', passed: false });
    expect(short.checks[4].reason).toMatch(/35 months .* fewer than the 36 required/);
  });

  it('ELIG-5: a foreign diploma declared below Bac+4 is not equivalent', () => {
    const result = assessEligibility([diploma('FOREIGN', { declaredLevel: 'OTHER' })], 120);
    expect(result.status).toBe('INELIGIBLE');
    expect(result.checks[4].reason).toMatch(/declared below Bac\+4/);
  });

  it('ELIG-6: any other diploma is ineligible; every condition is listed as checked and failed', () => {
    const result = assessEligibility([diploma('OTHER', { title: 'BTS SIO' })], 120);
    expect(result.status).toBe('INELIGIBLE');
    expect(result.checks.map((check) => [check.ruleId, check.passed])).toEqual([
      ['ELIG-1', false],
      ['ELIG-2', false],
      ['ELIG-3', false],
      ['ELIG-4', false],
      ['ELIG-5', false],
    ]);
    expect(result.reason).toMatch(
      /^ELIG-6: none of ELIG-1 to ELIG-5 is met \("BTS SIO" \(FR, 2018\) is of no qualifying kind; no CTI-accredited .*; no foreign diploma/,
    );
  });

  it('ELIG-6: with no diploma at all the reason says so', () => {
    expect(assessEligibility([], 0)).toMatchObject({
      status: 'INELIGIBLE',
      reason: 'ELIG-6: none of ELIG-1 to ELIG-5 is met (no diploma recorded)',
    });
  });

  it('ELIG-1..5: the best result wins, ELIGIBLE over PENDING_EQUIVALENCE over INELIGIBLE', () => {
    const foreign = diploma('FOREIGN', { declaredLevel: 'BAC+5' });
    expect(assessEligibility([foreign, diploma('UNIVERSITY_M1')], 40)).toMatchObject({
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-4',
    });
    expect(assessEligibility([diploma('UNIVERSITY_M1'), foreign], 12)).toMatchObject({
      status: 'PENDING_EQUIVALENCE',
      matchedRule: 'ELIG-5',
    });
    const both = assessEligibility([diploma('UNIVERSITY_M2'), diploma('CTI_ENGINEERING')], 0);
    expect(both.matchedRule).toBe('ELIG-1');
    expect(both.checks.filter((check) => check.passed).map((check) => check.ruleId)).toEqual(['ELIG-1', 'ELIG-3']);
  });
});
