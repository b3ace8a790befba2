/** Test data for the mobility-plan specs (not exported by the barrel). */
import { Actor, CalendarDate, parseCalendarDate } from '@admissions/domain-kernel';
import { AgreementKind } from '../partner/partner.commands';
import { MobilityPlanCommand } from './mobility-plan.commands';
import { decideMobilityPlan } from './mobility-plan.decide';
import { MobilityPlanEvent } from './mobility-plan.events';
import { evolveMobilityPlan } from './mobility-plan.state';
import { initialMobilityPlanState } from './mobility-plan.state';
import { Host, MobilityKind, PlanDraft, StudentProfile } from './mobility-plan.types';

export const d = (text: string): CalendarDate => {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`bad date ${text}`);
  return date;
};

export const NOW = new Date('2026-05-04T09:00:00.000Z');
export const PLAN_ID = 'plan-1';
export const STUDENT_ID = 'student-1';

export const student: Actor = { id: STUDENT_ID, roles: ['student'] };
export const otherStudent: Actor = { id: 'student-2', roles: ['student'] };
export const advisor: Actor = { id: 'advisor-1', roles: ['study-advisor'] };
export const dfi: Actor = { id: 'dfi-1', roles: ['training-directorate'] };
export const dri: Actor = { id: 'dri-1', roles: ['international-office'] };
export const admin: Actor = { id: 'admin-1', roles: ['admin'] };

type DataOf<T extends MobilityPlanCommand['type']> = Extract<MobilityPlanCommand, { type: T }>['data'];

export function cmd<T extends MobilityPlanCommand['type']>(
  type: T,
  data: DataOf<T>,
  actor: Actor,
  now = NOW,
): MobilityPlanCommand {
  return { type, data, metadata: { now, actor } } as MobilityPlanCommand;
}

export const regular: StudentProfile = {
  regime: 'REGULAR',
  yearOfStudy: 2,
  track: 'Data science',
  engineeringInternshipValidated: false,
  internshipYearValidated: false,
};
export const apprentice: StudentProfile = { ...regular, regime: 'APPRENTICE' };

export function partnerHost(
  kinds: readonly AgreementKind[],
  startsOn = d('2020-01-01'),
  endsOn = d('2030-12-31'),
): Host {
  return {
    name: 'TU Berlin',
    country: 'DE',
    partner: {
      partnerId: 'partner-tub',
      agreements: kinds.map((kind) => ({ kind, startsOn, endsOn })),
    },
  };
}
export const nonPartnerHost: Host = {
  name: 'Far Away University',
  country: 'JP',
  partner: null,
};

const base = (kind: MobilityKind, host: Host, start: string, end: string): PlanDraft => ({
  student: regular,
  kind,
  host,
  startOn: d(start),
  endOn: d(end),
  plannedEcts: null,
  ectsSplit: null,
});

export const drafts = {
  doubleDegree: {
    ...base('DOUBLE_DEGREE', partnerHost(['DOUBLE_DEGREE']), '2026-09-01', '2028-02-29'),
    plannedEcts: 90,
  },
  master: {
    ...base('MASTER_ABROAD', partnerHost(['MASTER']), '2026-09-01', '2027-08-31'),
    plannedEcts: 60,
  },
  exchangeSemester: {
    ...base('EXCHANGE_SEMESTER', partnerHost(['EXCHANGE']), '2026-09-01', '2027-01-31'),
    plannedEcts: 30,
  },
  twoSemesters: {
    ...base('EXCHANGE_TWO_SEMESTERS', partnerHost(['EXCHANGE']), '2026-09-01', '2027-06-30'),
    plannedEcts: 60,
    ectsSplit: { coursesEcts: 30, projectEcts: 30 },
  },
  summerStay: base('SUMMER_STAY', nonPartnerHost, '2027-07-01', '2027-08-31'),
  summerInternship: base('SUMMER_INTERNSHIP', nonPartnerHost, '2027-07-01', '2027-08-31'),
  humanInternship: {
    ...base('FIRST_YEAR_HUMAN_INTERNSHIP', nonPartnerHost, '2026-06-15', '2026-08-15'),
    student: { ...regular, yearOfStudy: 1 },
  },
  finalInternship: {
    ...base('FINAL_INTERNSHIP', nonPartnerHost, '2027-02-01', '2027-07-31'),
    student: { ...regular, yearOfStudy: 3 },
  },
} satisfies Record<string, PlanDraft>;

export const propose = (draft: PlanDraft, actor: Actor = student): MobilityPlanCommand =>
  cmd('ProposePlan', { ...draft, planId: PLAN_ID, studentId: STUDENT_ID }, actor);

/** Builds a history by deciding commands in turn, so the specs do not restate event shapes. */
export function historyOf(...commands: MobilityPlanCommand[]): MobilityPlanEvent[] {
  const events: MobilityPlanEvent[] = [];
  let state = initialMobilityPlanState();
  for (const command of commands) {
    const produced = decideMobilityPlan(command, state);
    state = produced.reduce(evolveMobilityPlan, state);
    events.push(...produced);
  }
  return events;
}

export const courses = (...ects: number[]) =>
  ects.map((value, i) => ({
    code: `C${i + 1}`,
    title: `Course ${i + 1}`,
    ects: value,
  }));
