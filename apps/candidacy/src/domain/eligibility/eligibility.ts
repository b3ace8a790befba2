/**
 * ELIG-1..6: who may apply to a Mastère Spécialisé, as an explained assessment. Every condition
 * is checked and reported; the best outcome wins (ELIGIBLE over PENDING_EQUIVALENCE over
 * INELIGIBLE), and when none matches the reason says why (ELIG-6).
 *
 * Interpretation of a foreign Bac+4 (not settled by RULES.md): it is treated like a French M1
 * (ELIG-4) whose equivalence the reviewer must confirm (ELIG-5), so it needs at least 36 months
 * of professional experience and then yields PENDING_EQUIVALENCE, never ELIGIBLE.
 */
export type DiplomaKind =
  | 'CTI_ENGINEERING'
  | 'BUSINESS_SCHOOL_MASTER'
  | 'UNIVERSITY_M2' // includes the former DEA and DESS
  | 'UNIVERSITY_M1' // includes the Maîtrise
  | 'FOREIGN'
  | 'OTHER';
export const DIPLOMA_KINDS: readonly DiplomaKind[] = [
  'CTI_ENGINEERING',
  'BUSINESS_SCHOOL_MASTER',
  'UNIVERSITY_M2',
  'UNIVERSITY_M1',
  'FOREIGN',
  'OTHER',
];

/** The level a candidate declares for a foreign diploma. */
export type DeclaredLevel = 'BAC+5' | 'BAC+4' | 'OTHER';
export const DECLARED_LEVELS: readonly DeclaredLevel[] = ['BAC+5', 'BAC+4', 'OTHER'];

export interface Diploma {
  readonly kind: DiplomaKind;
  readonly title: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly year: number;
  /** Present for FOREIGN diplomas only; the other kinds imply their level. */
  readonly declaredLevel?: DeclaredLevel;
}

export type EligibilityStatus = 'ELIGIBLE' | 'PENDING_EQUIVALENCE' | 'INELIGIBLE';
export type EligibilityRuleId = 'ELIG-1' | 'ELIG-2' | 'ELIG-3' | 'ELIG-4' | 'ELIG-5';

export interface EligibilityCheck {
  readonly ruleId: EligibilityRuleId;
  readonly passed: boolean;
  readonly reason: string;
}

export interface EligibilityResult {
  readonly status: EligibilityStatus;
  readonly matchedRule?: EligibilityRuleId;
  readonly checks: readonly EligibilityCheck[];
  readonly reason: string;
}

/** ELIG-4: "at least three years of professional experience". */
export const REQUIRED_EXPERIENCE_MONTHS = 36;

interface Rule {
  readonly grants: Exclude<EligibilityStatus, 'INELIGIBLE'>;
  readonly check: (diplomas: readonly Diploma[], experienceMonths: number | undefined) => EligibilityCheck;
}

const RULES: readonly Rule[] = [
  { grants: 'ELIGIBLE', check: byKind('ELIG-1', 'CTI_ENGINEERING', 'CTI-accredited engineering diploma (Bac+5)') },
  {
    grants: 'ELIGIBLE',
    check: byKind('ELIG-2', 'BUSINESS_SCHOOL_MASTER', 'business-school diploma conferring the Master degree (Bac+5)'),
  },
  { grants: 'ELIGIBLE', check: byKind('ELIG-3', 'UNIVERSITY_M2', 'university Master 2, DEA or DESS (Bac+5)') },
  { grants: 'ELIGIBLE', check: universityM1 },
  { grants: 'PENDING_EQUIVALENCE', check: foreignEquivalent },
];

export function assessEligibility(
  diplomas: readonly Diploma[],
  experienceMonths: number | undefined,
): EligibilityResult {
  const outcomes = RULES.map((rule) => ({ grants: rule.grants, check: rule.check(diplomas, experienceMonths) }));
  const checks = outcomes.map((outcome) => outcome.check);
  const passed = outcomes.filter((outcome) => outcome.check.passed);
  const best = passed.find((outcome) => outcome.grants === 'ELIGIBLE') ?? passed[0];
  if (best) {
    const { ruleId, reason } = best.check;
    return { status: best.grants, matchedRule: ruleId, checks, reason: `${ruleId}: ${reason}` };
  }
  const others = diplomas
    .filter((diploma) => diploma.kind === 'OTHER')
    .map((diploma) => `${describe(diploma)} is of no qualifying kind`);
  const why =
    diplomas.length === 0 ? 'no diploma recorded' : [...others, ...checks.map((check) => check.reason)].join('; ');
  return { status: 'INELIGIBLE', checks, reason: `ELIG-6: none of ELIG-1 to ELIG-5 is met (${why})` };
}

function byKind(ruleId: EligibilityRuleId, kind: DiplomaKind, label: string): Rule['check'] {
  return (diplomas) => {
    const diploma = diplomas.find((candidate) => candidate.kind === kind);
    return diploma
      ? { ruleId, passed: true, reason: `${describe(diploma)} qualifies as ${label}` }
      : { ruleId, passed: false, reason: `no ${label}` };
  };
}

function universityM1(diplomas: readonly Diploma[], experienceMonths: number | undefined): EligibilityCheck {
  const diploma = diplomas.find((candidate) => candidate.kind === 'UNIVERSITY_M1');
  if (!diploma) return { ruleId: 'ELIG-4', passed: false, reason: 'no university M1 or Maîtrise (Bac+4)' };
  return withExperience('ELIG-4', `university M1 or Maîtrise ${describe(diploma)}`, experienceMonths);
}

function foreignEquivalent(diplomas: readonly Diploma[], experienceMonths: number | undefined): EligibilityCheck {
  const foreign = diplomas.filter((candidate) => candidate.kind === 'FOREIGN');
  const bac5 = foreign.find((diploma) => diploma.declaredLevel === 'BAC+5');
  if (bac5) {
    return {
      ruleId: 'ELIG-5',
      passed: true,
      reason: `foreign ${describe(bac5)} declared Bac+5, equivalence to be confirmed by the reviewer`,
    };
  }
  const bac4 = foreign.find((diploma) => diploma.declaredLevel === 'BAC+4');
  if (bac4) {
    const check = withExperience(
      'ELIG-5',
      `foreign ${describe(bac4)} declared Bac+4 (treated as an M1, ELIG-4)`,
      experienceMonths,
    );
    return check.passed ? { ...check, reason: `${check.reason}, equivalence to be confirmed by the reviewer` } : check;
  }
  if (foreign.length > 0) {
    return { ruleId: 'ELIG-5', passed: false, reason: `foreign ${describe(foreign[0])} is declared below Bac+4` };
  }
  return { ruleId: 'ELIG-5', passed: false, reason: 'no foreign diploma of Bac+5 or Bac+4 level' };
}

function withExperience(
  ruleId: EligibilityRuleId,
  what: string,
  experienceMonths: number | undefined,
): EligibilityCheck {
  if (experienceMonths === undefined) {
    return {
      ruleId,
      passed: false,
      reason: `${what} but professional experience not recorded (${REQUIRED_EXPERIENCE_MONTHS} months required)`,
    };
  }
  const passed = experienceMonths >= REQUIRED_EXPERIENCE_MONTHS;
  const comparison = passed ? 'at least' : 'fewer than';
  return {
    ruleId,
    passed,
    reason: `${what} with ${experienceMonths} months of professional experience, ${comparison} the ${REQUIRED_EXPERIENCE_MONTHS} required`,
  };
}

function describe(diploma: Diploma): string {
  return `"${diploma.title}" (${diploma.country}, ${diploma.year})`;
}
