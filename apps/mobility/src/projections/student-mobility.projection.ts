import { assertNever } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type {
  Authority,
  EngineeringInternshipKind,
  HostRecord,
  InternshipTiming,
  MobilityCategory,
  MobilityKind,
  MobilityPlanEvent,
  PlanRecord,
  RequirementReason,
  StudentProfile,
} from '../domain';
import { academicYearOf } from './academic-year';
import { asPlanEvent, PLAN_EVENT_TYPES } from './stored-events';

export type PlanStatus = 'proposed' | 'refused' | 'cancelled' | 'in_mobility' | 'completed';
export type RequirementStatus = 'PENDING' | 'FULFILLED' | 'NOT_FULFILLED';
/** MOB-5: where the engineering-internship obligation of an exchange semester stands. */
export type ObligationStatus = 'NOT_REQUIRED' | 'PENDING' | 'SATISFIED';

export interface RecordedInternshipSummary {
  readonly internshipKind: EngineeringInternshipKind;
  readonly timing: InternshipTiming;
  readonly startOn: string;
  readonly endOn: string;
  readonly lastObligation: boolean;
}

export interface StudentPlanSummary {
  readonly planId: string;
  readonly kind: MobilityKind;
  readonly category: MobilityCategory;
  readonly status: PlanStatus;
  readonly host: HostRecord;
  readonly startOn: string;
  readonly endOn: string;
  readonly academicYear: string;
  readonly plannedEcts: number | null;
  readonly approvals: { readonly [A in Authority]: boolean };
  readonly learningAgreement: { readonly latestVersion: number | null; readonly approvedVersion: number | null };
  readonly requirement: RequirementStatus;
  readonly reasons: readonly RequirementReason[];
  readonly engineeringInternship: {
    readonly required: boolean;
    readonly validatedBeforeLeaving: boolean;
    readonly obligation: ObligationStatus;
    readonly recorded: readonly RecordedInternshipSummary[];
  };
  /** MOB-6: an optional free internship of at most 24 weeks may follow the return. */
  readonly freeInternshipAllowedOnReturn: boolean;
}

/** A student's mobility status: read by student id, the only way it is ever looked up. */
export interface StudentMobility extends ReadModel {
  readonly studentId: string;
  /** As given with the student's latest plan (the service has no student registry of its own). */
  readonly profile: StudentProfile | null;
  /** MOB-1: a completed mobility fulfilled the requirement. */
  readonly requirementFulfilled: boolean;
  readonly fulfilledBy: { readonly planId: string; readonly kind: MobilityKind; readonly fulfilledAt: string } | null;
  /** The engineering-internship obligation over the plans neither refused nor cancelled (MOB-5, MOB-6). */
  readonly engineeringInternship: ObligationStatus;
  readonly plans: readonly StudentPlanSummary[];
}

const NO_APPROVALS = { STUDY_ADVISOR: false, TRAINING_DIRECTORATE: false, INTERNATIONAL_OFFICE: false } as const;

export const studentMobility: Projection<StudentMobility> = {
  name: 'rm_student_mobility',
  handles: PLAN_EVENT_TYPES,
  documentsOf: (event: StoredEvent) => [asPlanEvent(event).data.studentId],
  evolve: (document, stored, id) => {
    const event = asPlanEvent(stored);
    const current: StudentMobility = document ?? emptyStatus(id);
    return withStanding(evolvePlans(current, event));
  },
  // Erasure: the student's profile is forgotten (as before their first plan); plans and credits stay.
  erasure: { personField: '_id', erase: (status) => ({ ...status, profile: null }) },
};

export const emptyStatus = (studentId: string): StudentMobility => ({
  _id: studentId,
  studentId,
  profile: null,
  requirementFulfilled: false,
  fulfilledBy: null,
  engineeringInternship: 'NOT_REQUIRED',
  plans: [],
});

function evolvePlans(doc: StudentMobility, event: MobilityPlanEvent): StudentMobility {
  const { planId } = event.data;
  const update = (change: (plan: StudentPlanSummary) => StudentPlanSummary): StudentMobility => ({
    ...doc,
    plans: doc.plans.map((plan) => (plan.planId === planId ? withObligation(change(plan)) : plan)),
  });
  switch (event.type) {
    case 'MobilityPlanProposed':
    case 'MobilityPlanChanged': {
      const previous = doc.plans.find((plan) => plan.planId === planId);
      const summary = withObligation(summaryOf(event.data, previous));
      const plans = previous ? doc.plans.map((p) => (p.planId === planId ? summary : p)) : [...doc.plans, summary];
      return { ...doc, profile: event.data.personal.profile, plans };
    }
    case 'MobilityApproved':
      return update((plan) => ({ ...plan, approvals: { ...plan.approvals, [event.data.authority]: true } }));
    case 'MobilityRefused':
      return update((plan) => ({ ...plan, status: 'refused' }));
    case 'MobilityPlanCancelled':
      return update((plan) => ({ ...plan, status: 'cancelled' }));
    case 'LearningAgreementProposed':
    case 'LearningAgreementChanged':
      return update((plan) => ({
        ...plan,
        learningAgreement: { ...plan.learningAgreement, latestVersion: event.data.version },
      }));
    case 'LearningAgreementApproved':
      return update((plan) => ({
        ...plan,
        learningAgreement: { ...plan.learningAgreement, approvedVersion: event.data.version },
      }));
    case 'MobilityStarted':
      return update((plan) => ({ ...plan, status: 'in_mobility' }));
    case 'CreditsRecorded':
    case 'InternshipCompleted':
      return update((plan) => ({ ...plan, status: 'completed' }));
    case 'MobilityRequirementFulfilled': {
      const { kind, fulfilledAt } = event.data;
      const updated = update((plan) => ({ ...plan, requirement: 'FULFILLED', reasons: [] }));
      return doc.fulfilledBy
        ? updated
        : { ...updated, requirementFulfilled: true, fulfilledBy: { planId, kind, fulfilledAt } };
    }
    case 'MobilityRequirementNotFulfilled':
      return update((plan) => ({ ...plan, requirement: 'NOT_FULFILLED', reasons: event.data.reasons }));
    case 'EngineeringInternshipRecorded': {
      const { internshipKind, timing, startOn, endOn, lastObligation } = event.data;
      const recorded = { internshipKind, timing, startOn, endOn, lastObligation };
      return update((plan) => ({
        ...plan,
        engineeringInternship: {
          ...plan.engineeringInternship,
          recorded: [...plan.engineeringInternship.recorded, recorded],
        },
      }));
    }
    default:
      return assertNever(event);
  }
}

/** A changed plan starts its approvals over and keeps its history (learning agreement, internships). */
function summaryOf(record: PlanRecord, previous: StudentPlanSummary | undefined): StudentPlanSummary {
  return {
    planId: record.planId,
    kind: record.kind,
    category: record.category,
    status: 'proposed',
    host: record.host,
    startOn: record.startOn,
    endOn: record.endOn,
    academicYear: academicYearOf(record.startOn),
    plannedEcts: record.plannedEcts,
    approvals: NO_APPROVALS,
    learningAgreement: previous?.learningAgreement ?? { latestVersion: null, approvedVersion: null },
    requirement: 'PENDING',
    reasons: [],
    engineeringInternship: {
      required: record.flags.engineeringInternshipRequired,
      validatedBeforeLeaving: record.personal.profile.engineeringInternshipValidated,
      obligation: 'NOT_REQUIRED',
      recorded: previous?.engineeringInternship.recorded ?? [],
    },
    freeInternshipAllowedOnReturn: record.flags.freeInternshipAllowedOnReturn,
  };
}

/** MOB-5: as the domain's engineeringInternshipObligation, over the summary. */
function withObligation(plan: StudentPlanSummary): StudentPlanSummary {
  const { required, validatedBeforeLeaving, recorded } = plan.engineeringInternship;
  const obligation: ObligationStatus = !required
    ? 'NOT_REQUIRED'
    : validatedBeforeLeaving || recorded.some((i) => i.internshipKind === 'ENGINEERING')
      ? 'SATISFIED'
      : 'PENDING';
  return { ...plan, engineeringInternship: { ...plan.engineeringInternship, obligation } };
}

function withStanding(doc: StudentMobility): StudentMobility {
  const obligations = doc.plans
    .filter((plan) => plan.status !== 'refused' && plan.status !== 'cancelled')
    .map((plan) => plan.engineeringInternship.obligation);
  const engineeringInternship: ObligationStatus = obligations.includes('PENDING')
    ? 'PENDING'
    : obligations.includes('SATISFIED')
      ? 'SATISFIED'
      : 'NOT_REQUIRED';
  return { ...doc, engineeringInternship };
}
