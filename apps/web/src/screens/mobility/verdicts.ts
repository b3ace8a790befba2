import type { Plan } from './types';

export type VerdictState = 'MET' | 'PENDING' | 'NOT_MET';

/** One rule as it bears on a plan: its verdict and the text (a key of mobility.explain) that explains it. */
export interface Verdict {
  readonly ruleId: string;
  readonly state: VerdictState;
  readonly explain: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

const isExchange = (plan: Plan) => plan.kind === 'EXCHANGE_SEMESTER' || plan.kind === 'EXCHANGE_TWO_SEMESTERS';
const given = (approved: boolean): VerdictState => (approved ? 'MET' : 'PENDING');

/**
 * Every MOB-* rule that bears on a plan, with its verdict. A plan the service accepted passed the
 * checks made on proposal (MOB-1..9: it refuses any other); what waits on people (approvals, the
 * learning agreement, the place, MOB-1 on return) is read from the plan's state.
 */
export function verdictsOf(plan: Plan): Verdict[] {
  return [...requirementVerdicts(plan), ...kindVerdicts(plan), ...placeVerdicts(plan)];
}

function requirementVerdicts(plan: Plan): Verdict[] {
  const verdicts: Verdict[] = [
    { ruleId: 'MOB-1', state: 'MET', explain: 'abroad', values: { country: plan.host.country } },
  ];
  if (plan.student?.regime === 'APPRENTICE') {
    verdicts.push({
      ruleId: 'MOB-1',
      state: 'MET',
      explain: 'apprentice',
      values: { start: plan.startOn, end: plan.endOn },
    });
  }
  const requirement = plan.requirement.status;
  verdicts.push({
    ruleId: 'MOB-1',
    state: requirement === 'FULFILLED' ? 'MET' : requirement === 'NOT_FULFILLED' ? 'NOT_MET' : 'PENDING',
    explain:
      requirement === 'FULFILLED'
        ? 'requirementMet'
        : requirement === 'NOT_FULFILLED'
          ? 'requirementNotMet'
          : 'requirementPending',
  });
  verdicts.push({ ruleId: 'MOB-2', state: 'MET', explain: 'category' });
  return verdicts;
}

function kindVerdicts(plan: Plan): Verdict[] {
  const ects = plan.plannedEcts ?? 0;
  switch (plan.kind) {
    case 'DOUBLE_DEGREE':
      return [{ ruleId: 'MOB-3', state: 'MET', explain: 'doubleDegree', values: { ects } }];
    case 'MASTER_ABROAD':
      return [
        { ruleId: 'MOB-4', state: 'MET', explain: 'master', values: { ects } },
        ...(plan.flags.costsBorneByStudent ? [{ ruleId: 'MOB-4', state: 'MET' as const, explain: 'costs' }] : []),
      ];
    case 'EXCHANGE_SEMESTER':
      return [
        { ruleId: 'MOB-5', state: 'MET', explain: 'exchange', values: { ects } },
        ...exchangeVerdicts(plan, 'MOB-5', 30),
        ...(plan.flags.engineeringInternshipRequired
          ? [{ ruleId: 'MOB-5', state: 'PENDING' as const, explain: 'engineeringInternship' }]
          : []),
      ];
    case 'EXCHANGE_TWO_SEMESTERS':
      return [
        {
          ruleId: 'MOB-6',
          state: 'MET',
          explain: 'twoSemesters',
          values: { courses: plan.ectsSplit?.coursesEcts ?? 0, project: plan.ectsSplit?.projectEcts ?? 0 },
        },
        ...exchangeVerdicts(plan, 'MOB-6', 60),
        ...(plan.flags.freeInternshipAllowedOnReturn
          ? [{ ruleId: 'MOB-6', state: 'MET' as const, explain: 'freeInternship' }]
          : []),
      ];
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
      return [
        { ruleId: 'MOB-7', state: 'MET', explain: 'summerYear' },
        {
          ruleId: 'MOB-7',
          state: given(plan.approvals.trainingDirectorate !== null && plan.approvals.internationalOffice !== null),
          explain: 'summer',
        },
      ];
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
      return [{ ruleId: 'MOB-8', state: 'MET', explain: 'firstYear' }];
    case 'FINAL_INTERNSHIP':
      return [
        { ruleId: 'MOB-9', state: 'MET', explain: 'finalInternship', values: { start: plan.startOn, end: plan.endOn } },
      ];
    default:
      return plan.kind satisfies never;
  }
}

/** MOB-5 / MOB-6: the study advisor's approval, and a learning agreement of the ECTS required. */
function exchangeVerdicts(plan: Plan, ruleId: string, required: number): Verdict[] {
  const approved = plan.learningAgreement.some((v) => v.status === 'APPROVED' && v.totalEcts === required);
  return [
    { ruleId, state: given(plan.approvals.studyAdvisor !== null), explain: 'advisor' },
    { ruleId, state: given(approved), explain: 'learningAgreement', values: { ects: required } },
  ];
}

/** MOB-10: a double degree or an exchange holds one of the partner's places once the DRI approves. */
function placeVerdicts(plan: Plan): Verdict[] {
  if (plan.kind !== 'DOUBLE_DEGREE' && !isExchange(plan)) return [];
  return [{ ruleId: 'MOB-10', state: given(plan.approvals.internationalOffice !== null), explain: 'place' }];
}
