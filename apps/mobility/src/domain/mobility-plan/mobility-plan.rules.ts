/**
 * The MOB-* rules as pure functions over plain data: checkPlan explains what a plan breaks,
 * assessRequirement explains whether a completed mobility fulfils MOB-1, and
 * checkEngineeringInternship guards the internship around an exchange (MOB-5, MOB-6).
 * Interpretations are written next to the rule that needs them (see also RULES.md).
 */
import {
  addDays,
  addMonths,
  assertNever,
  CalendarDate,
  compareDates,
  lastsAtLeastMonths,
  lastsAtLeastWeeks,
  lastsAtMostMonths,
  lastsAtMostWeeks,
  type RuleId,
} from '@admissions/domain-kernel';
import { isCalendarDate, toIsoDate } from '../shared/iso-date';
import type { PlanFlags } from './mobility-plan.types';
import { AgreementKind } from '../partner/partner.commands';
import { Approvals, Completion, PlanFacts, RecordedInternship, RequirementAssessment } from './mobility-plan.state';
import {
  EngineeringInternshipKind,
  Host,
  InternshipTiming,
  MOBILITY_KINDS,
  MobilityCategory,
  MobilityKind,
  PlanDraft,
  StudentProfile,
} from './mobility-plan.types';

export interface Violation {
  /** The RULES.md id, absent for a plain field constraint (e.g. an end before the start). */
  readonly ruleId?: RuleId;
  readonly message: string;
  readonly field: string;
}

export interface PlanCheck {
  readonly violations: readonly Violation[];
  readonly flags: PlanFlags;
}

/** MOB-1: apprentices (FISEA) need at least 9 weeks abroad. */
export const APPRENTICE_MINIMUM_WEEKS = 9;
/** MOB-5 / MOB-6: internships on return last at most 24 weeks. */
export const INTERNSHIP_ON_RETURN_MAXIMUM_WEEKS = 24;
export const SEMESTER_ECTS = 30;

export const isMobilityKind = (value: unknown): value is MobilityKind =>
  (MOBILITY_KINDS as readonly unknown[]).includes(value);

export const isExchange = (kind: MobilityKind): boolean =>
  kind === 'EXCHANGE_SEMESTER' || kind === 'EXCHANGE_TWO_SEMESTERS';

export const isInternship = (kind: MobilityKind): boolean => categoryOf(kind) === 'INTERNSHIP';

/** MOB-2: degree programmes, non-degree study, internships (summer stays sit with internships). */
export function categoryOf(kind: MobilityKind): MobilityCategory {
  switch (kind) {
    case 'DOUBLE_DEGREE':
    case 'MASTER_ABROAD':
      return 'DEGREE_PROGRAMME';
    case 'EXCHANGE_SEMESTER':
    case 'EXCHANGE_TWO_SEMESTERS':
      return 'NON_DEGREE_STUDY';
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
    case 'FINAL_INTERNSHIP':
      return 'INTERNSHIP';
    default:
      return assertNever(kind);
  }
}

/** ECTS that must be obtained for the mobility to be validated; null for internships. */
export function requiredEcts(kind: MobilityKind, plannedEcts: number | null): number | null {
  switch (kind) {
    case 'EXCHANGE_SEMESTER':
      return SEMESTER_ECTS; // MOB-5
    case 'EXCHANGE_TWO_SEMESTERS':
      return 2 * SEMESTER_ECTS; // MOB-6
    case 'DOUBLE_DEGREE':
    case 'MASTER_ABROAD':
      return plannedEcts; // MOB-3, MOB-4: the host programme's credits
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
    case 'FINAL_INTERNSHIP':
      return null;
    default:
      return assertNever(kind);
  }
}

export function checkPlan(plan: PlanDraft): PlanCheck {
  const basics = [
    ...kindViolations(plan),
    ...profileViolations(plan.student),
    ...hostViolations(plan.host),
    ...dateViolations(plan),
  ];
  if (basics.length > 0) return { violations: basics, flags: NO_FLAGS };
  const violations = [
    ...abroadViolations(plan),
    ...ruleViolations(plan),
    ...maybe(durationViolation(plan.kind, plan.startOn, plan.endOn)),
    ...maybe(apprenticeViolation(plan.student, plan.startOn, plan.endOn)),
  ];
  return { violations, flags: flagsOf(plan) };
}

const NO_FLAGS: PlanFlags = {
  costsBorneByStudent: false,
  supervisedByStudyAdvisor: false,
  countsOnlyWithDfiAndDri: false,
  engineeringInternshipRequired: false,
  freeInternshipAllowedOnReturn: false,
};

function flagsOf(plan: PlanDraft): PlanFlags {
  const twoSemesters = plan.kind === 'EXCHANGE_TWO_SEMESTERS';
  return {
    costsBorneByStudent: plan.kind === 'MASTER_ABROAD' && !agreementInForce(plan.host, 'MASTER', plan.startOn),
    supervisedByStudyAdvisor: isExchange(plan.kind),
    countsOnlyWithDfiAndDri: plan.kind === 'SUMMER_STAY' || plan.kind === 'SUMMER_INTERNSHIP',
    engineeringInternshipRequired: plan.kind === 'EXCHANGE_SEMESTER',
    freeInternshipAllowedOnReturn:
      twoSemesters && !plan.student.engineeringInternshipValidated && !plan.student.internshipYearValidated,
  };
}

function kindViolations(plan: PlanDraft): Violation[] {
  if (isMobilityKind(plan.kind)) return [];
  const message = `MOB-2: ${String(plan.kind)} is not a kind of mobility (${MOBILITY_KINDS.join(', ')})`;
  return [{ ruleId: 'MOB-2', message, field: 'kind' }];
}

function profileViolations(student: StudentProfile): Violation[] {
  const violations: Violation[] = [];
  if (student.regime !== 'REGULAR' && student.regime !== 'APPRENTICE') {
    violations.push({
      message: 'The regime is REGULAR or APPRENTICE',
      field: 'student.regime',
    });
  }
  if (![1, 2, 3].includes(student.yearOfStudy)) {
    violations.push({
      message: 'The year of study is 1, 2 or 3',
      field: 'student.yearOfStudy',
    });
  }
  if (student.track.trim() === '')
    violations.push({
      message: 'The student track is required',
      field: 'student.track',
    });
  return violations;
}

function hostViolations(host: Host): Violation[] {
  const violations: Violation[] = [];
  if (host.name.trim() === '') violations.push({ message: 'The host needs a name', field: 'host.name' });
  if (!/^[A-Z]{2}$/.test(host.country)) {
    violations.push({
      message: 'The host country is an ISO 3166-1 alpha-2 code',
      field: 'host.country',
    });
  }
  return violations;
}

function dateViolations(plan: PlanDraft): Violation[] {
  if (!isCalendarDate(plan.startOn)) return [{ message: 'The start date is not a calendar date', field: 'startOn' }];
  if (!isCalendarDate(plan.endOn)) return [{ message: 'The end date is not a calendar date', field: 'endOn' }];
  if (compareDates(plan.endOn, plan.startOn) < 0)
    return [{ message: 'The plan ends before it starts', field: 'endOn' }];
  return [];
}

/** MOB-1: the experience is international; a host in France is not a mobility. */
function abroadViolations(plan: PlanDraft): Violation[] {
  if (plan.host.country !== 'FR') return [];
  return [
    {
      ruleId: 'MOB-1',
      message: 'MOB-1: the host must be abroad, not in France',
      field: 'host.country',
    },
  ];
}

function ruleViolations(plan: PlanDraft): Violation[] {
  switch (plan.kind) {
    case 'DOUBLE_DEGREE':
      return [...partnerViolations(plan, 'DOUBLE_DEGREE', 'MOB-3'), ...positiveEcts(plan, 'MOB-3')];
    case 'MASTER_ABROAD':
      return positiveEcts(plan, 'MOB-4');
    case 'EXCHANGE_SEMESTER':
      return [...partnerViolations(plan, 'EXCHANGE', 'MOB-5'), ...exactEcts(plan, SEMESTER_ECTS, 'MOB-5')];
    case 'EXCHANGE_TWO_SEMESTERS':
      return [
        ...partnerViolations(plan, 'EXCHANGE', 'MOB-6'),
        ...exactEcts(plan, 2 * SEMESTER_ECTS, 'MOB-6'),
        ...splitViolations(plan),
      ];
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
      return yearViolations(plan, 2, 'MOB-7', 'a summer stay takes place in the summer between the 2nd and 3rd year');
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
      return yearViolations(plan, 1, 'MOB-8', 'the human formation internship takes place at the end of the 1st year');
    case 'FINAL_INTERNSHIP':
      return [];
    default:
      return assertNever(plan.kind);
  }
}

/** An agreement of that kind with the host, in force on the first day of the mobility. */
export function agreementInForce(host: Host, kind: AgreementKind, on: CalendarDate): boolean {
  return (host.partner?.agreements ?? []).some(
    (agreement) =>
      agreement.kind === kind && compareDates(agreement.startsOn, on) <= 0 && compareDates(on, agreement.endsOn) <= 0,
  );
}

function partnerViolations(plan: PlanDraft, kind: AgreementKind, ruleId: RuleId): Violation[] {
  if (agreementInForce(plan.host, kind, plan.startOn)) return [];
  const who = plan.host.partner ? `partner ${plan.host.partner.partnerId}` : `${plan.host.name}, not a partner,`;
  const message = `${ruleId}: ${plan.kind} needs a partner with a ${kind} agreement in force on ${toIsoDate(plan.startOn)}; ${who} has none`;
  return [{ ruleId, message, field: 'host.partner' }];
}

function positiveEcts(plan: PlanDraft, ruleId: RuleId): Violation[] {
  if (plan.plannedEcts !== null && Number.isFinite(plan.plannedEcts) && plan.plannedEcts > 0) return [];
  return [
    {
      ruleId,
      message: `${ruleId}: a degree programme states the ECTS to validate abroad`,
      field: 'plannedEcts',
    },
  ];
}

function exactEcts(plan: PlanDraft, expected: number, ruleId: RuleId): Violation[] {
  if (plan.plannedEcts === expected) return [];
  const message = `${ruleId}: ${plan.kind} validates exactly ${expected} ECTS, not ${String(plan.plannedEcts)}`;
  return [{ ruleId, message, field: 'plannedEcts' }];
}

/** MOB-6: "about 30 of courses and 30 of project"; read as the 30/30 split the agreement plans. */
function splitViolations(plan: PlanDraft): Violation[] {
  const split = plan.ectsSplit;
  if (split && split.coursesEcts === SEMESTER_ECTS && split.projectEcts === SEMESTER_ECTS) return [];
  const given = split ? `${split.coursesEcts}/${split.projectEcts}` : 'none';
  const message = `MOB-6: two semesters split 30 ECTS of courses and 30 of final project, thesis or internship (given ${given})`;
  return [{ ruleId: 'MOB-6', message, field: 'ectsSplit' }];
}

function yearViolations(plan: PlanDraft, year: number, ruleId: RuleId, why: string): Violation[] {
  if (plan.student.yearOfStudy === year) return [];
  const message = `${ruleId}: ${why}; the student is in year ${plan.student.yearOfStudy}`;
  return [{ ruleId, message, field: 'student.yearOfStudy' }];
}

/** MOB-9: six months, with 15 days of tolerance short of them (never beyond). */
export const FINAL_INTERNSHIP_MONTHS = 6;
export const FINAL_INTERNSHIP_TOLERANCE_DAYS = 15;

/**
 * MOB-9: S + 6 months − 15 days ≤ E ≤ S + 6 months − 1 day. The upper bound is the legal cap of
 * six months with one host in a teaching year (Code de l'éducation, art. L124-5); the tolerance
 * lets the internship start and end on working days. Months are the kernel calendar's.
 */
export function finalInternshipEndBounds(start: CalendarDate): { earliest: CalendarDate; latest: CalendarDate } {
  const sixMonthsOn = addMonths(start, FINAL_INTERNSHIP_MONTHS);
  return { earliest: addDays(sixMonthsOn, -FINAL_INTERNSHIP_TOLERANCE_DAYS), latest: addDays(sixMonthsOn, -1) };
}

function finalInternshipViolation(start: CalendarDate, end: CalendarDate, span: string): Violation | null {
  const { earliest, latest } = finalInternshipEndBounds(start);
  if (compareDates(earliest, end) <= 0 && compareDates(end, latest) <= 0) return null;
  const message =
    `MOB-9: the final internship lasts six months, ending between ${toIsoDate(earliest)} and ${toIsoDate(latest)}; ` +
    `six months with one host is the legal cap (Code de l'éducation, art. L124-5) (${span})`;
  return { ruleId: 'MOB-9', message, field: 'endOn' };
}

/**
 * The length each kind must have, counting both the first and last day (RULES.md "Time");
 * exchanges are measured in ECTS, not in days.
 */
export function durationViolation(kind: MobilityKind, start: CalendarDate, end: CalendarDate): Violation | null {
  const span = `${toIsoDate(start)} → ${toIsoDate(end)}`;
  const months = (ruleId: RuleId, min: number, max: number | null, what: string): Violation | null =>
    lastsAtLeastMonths(start, end, min) && (max === null || lastsAtMostMonths(start, end, max))
      ? null
      : { ruleId, message: `${ruleId}: ${what} (${span})`, field: 'endOn' };
  switch (kind) {
    case 'DOUBLE_DEGREE':
      return months('MOB-3', 18, null, 'a double degree lasts at least 18 months abroad');
    case 'MASTER_ABROAD':
      return months('MOB-4', 12, 24, 'a master abroad lasts 12 to 24 months');
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
      return months('MOB-7', 1, 3, 'a summer stay or internship lasts 1 to 3 months');
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
      return months('MOB-8', 1, 3, 'the first-year human formation internship is a summer internship of 1 to 3 months');
    case 'FINAL_INTERNSHIP':
      return finalInternshipViolation(start, end, span);
    case 'EXCHANGE_SEMESTER':
    case 'EXCHANGE_TWO_SEMESTERS':
      return null;
    default:
      return assertNever(kind);
  }
}

/** MOB-1: an apprentice's experience abroad lasts at least 9 weeks. */
export function apprenticeViolation(student: StudentProfile, start: CalendarDate, end: CalendarDate): Violation | null {
  if (student.regime !== 'APPRENTICE' || lastsAtLeastWeeks(start, end, APPRENTICE_MINIMUM_WEEKS)) return null;
  const message = `MOB-1: an apprentice (FISEA) spends at least ${APPRENTICE_MINIMUM_WEEKS} weeks abroad (${toIsoDate(start)} → ${toIsoDate(end)} is shorter)`;
  return { ruleId: 'MOB-1', message, field: 'endOn' };
}

const maybe = <T>(value: T | null): T[] => (value === null ? [] : [value]);

/**
 * MOB-1: does this completed mobility give the student the required international experience?
 * Study abroad counts once its credits are validated (obtained ≥ required: 30 ECTS is the
 * academic semester); an internship counts once done with the length its kind requires (the
 * final internship's six months exceed a semester; MOB-8 lets the first-year internship count);
 * a summer stay counts only with both DFI and DRI approvals (MOB-7); an apprentice needs 9 weeks.
 */
export function assessRequirement(plan: PlanFacts, completion: Completion): RequirementAssessment {
  const reasons = [...completionReasons(plan, completion), ...approvalReasons(plan.kind, plan.approvals)];
  const [start, end] =
    completion.kind === 'INTERNSHIP' ? [completion.startedOn, completion.endedOn] : [plan.startOn, plan.endOn];
  const apprentice = apprenticeViolation(plan.profile, start, end);
  const all = apprentice ? [...reasons, apprentice] : reasons;
  return {
    fulfilled: all.length === 0,
    reasons: all.map(({ ruleId, message }) => ({
      ruleId: ruleId ?? 'MOB-1',
      message,
    })),
  };
}

function completionReasons(plan: PlanFacts, completion: Completion): Violation[] {
  switch (completion.kind) {
    case 'CREDITS':
      if (completion.validated) return [];
      return [
        {
          ruleId: creditRuleOf(plan.kind),
          message: `${creditRuleOf(plan.kind)}: ${completion.obtainedEcts} ECTS obtained of the ${completion.requiredEcts} required`,
          field: 'obtainedEcts',
        },
      ];
    case 'INTERNSHIP':
      return maybe(durationViolation(plan.kind, completion.startedOn, completion.endedOn));
    default:
      return assertNever(completion);
  }
}

function approvalReasons(kind: MobilityKind, approvals: Approvals): Violation[] {
  if (kind !== 'SUMMER_STAY' && kind !== 'SUMMER_INTERNSHIP') return [];
  if (approvals.TRAINING_DIRECTORATE && approvals.INTERNATIONAL_OFFICE) return [];
  const missing = [
    approvals.TRAINING_DIRECTORATE ? null : 'training directorate (DFI)',
    approvals.INTERNATIONAL_OFFICE ? null : 'international relations directorate (DRI)',
  ].filter((name): name is string => name !== null);
  const message = `MOB-7: a summer stay counts only when validated by both DFI and DRI; missing ${missing.join(' and ')}`;
  return [{ ruleId: 'MOB-7', message, field: 'approvals' }];
}

export function creditRuleOf(kind: MobilityKind): RuleId {
  switch (kind) {
    case 'DOUBLE_DEGREE':
      return 'MOB-3';
    case 'MASTER_ABROAD':
      return 'MOB-4';
    case 'EXCHANGE_SEMESTER':
      return 'MOB-5';
    case 'EXCHANGE_TWO_SEMESTERS':
      return 'MOB-6';
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
    case 'FINAL_INTERNSHIP':
      return 'MOB-1';
    default:
      return assertNever(kind);
  }
}

export interface InternshipInput {
  readonly internshipKind: EngineeringInternshipKind;
  readonly startOn: CalendarDate;
  readonly endOn: CalendarDate;
  readonly lastObligation: boolean;
}

/** Before the mobility when it ends before the first day, after when it starts after the last. */
export function timingOf(plan: PlanFacts, input: InternshipInput): InternshipTiming | null {
  if (compareDates(input.endOn, plan.startOn) < 0) return 'BEFORE_MOBILITY';
  if (compareDates(input.startOn, plan.endOn) > 0) return 'AFTER_MOBILITY';
  return null;
}

/** MOB-5 / MOB-6: the internship recorded around an exchange, given its (derived) timing. */
export function checkEngineeringInternship(
  plan: PlanFacts,
  input: InternshipInput,
  timing: InternshipTiming,
): Violation[] {
  const within24Weeks = lastsAtMostWeeks(input.startOn, input.endOn, INTERNSHIP_ON_RETURN_MAXIMUM_WEEKS);
  const span = `${toIsoDate(input.startOn)} → ${toIsoDate(input.endOn)}`;
  if (plan.kind === 'EXCHANGE_SEMESTER') {
    if (input.internshipKind !== 'ENGINEERING') {
      return [
        {
          ruleId: 'MOB-5',
          message: 'MOB-5: after one exchange semester the obligation is an engineering internship',
          field: 'internshipKind',
        },
      ];
    }
    if (timing === 'AFTER_MOBILITY' && input.lastObligation && !within24Weeks) {
      return [
        {
          ruleId: 'MOB-5',
          message: `MOB-5: an engineering internship on return that is the last obligation lasts at most 24 weeks (${span})`,
          field: 'endOn',
        },
      ];
    }
    return [];
  }
  return input.internshipKind === 'FREE' ? freeInternshipViolations(plan, timing, within24Weeks, span) : [];
}

function freeInternshipViolations(
  plan: PlanFacts,
  timing: InternshipTiming,
  within24Weeks: boolean,
  span: string,
): Violation[] {
  const rule = (message: string, field: string): Violation[] => [
    { ruleId: 'MOB-6', message: `MOB-6: ${message}`, field },
  ];
  if (timing !== 'AFTER_MOBILITY') return rule('the optional free internship takes place on return', 'startOn');
  if (!plan.flags.freeInternshipAllowedOnReturn || hasEngineeringInternshipBefore(plan.internships)) {
    return rule(
      'no free internship after an engineering internship or a whole internship year validated before leaving',
      'internshipKind',
    );
  }
  if (!within24Weeks) return rule(`the free internship on return lasts at most 24 weeks (${span})`, 'endOn');
  return [];
}

const hasEngineeringInternshipBefore = (internships: readonly RecordedInternship[]): boolean =>
  internships.some((i) => i.internshipKind === 'ENGINEERING' && i.timing === 'BEFORE_MOBILITY');

/** MOB-5: where the engineering-internship obligation of an exchange semester stands. */
export function engineeringInternshipObligation(plan: PlanFacts): 'NOT_REQUIRED' | 'PENDING' | 'SATISFIED' {
  if (!plan.flags.engineeringInternshipRequired) return 'NOT_REQUIRED';
  if (plan.profile.engineeringInternshipValidated) return 'SATISFIED';
  return plan.internships.some((i) => i.internshipKind === 'ENGINEERING') ? 'SATISFIED' : 'PENDING';
}

export type { PlanFlags } from './mobility-plan.types';
