import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { MobilityKind } from '../domain';
import { academicYearOf } from './academic-year';
import { asPlanEvent } from './stored-events';

export interface PlacePlan {
  readonly planId: string;
  readonly studentId: string;
  readonly kind: MobilityKind;
}

/**
 * The plans that named a partner as host for an academic year: one document per (partner, year),
 * read by _id. Approvals, refusals and departures do not name the partner, and a changed plan
 * does not say where it was before, so the query checks each plan's current host, year and status
 * in rm_student_mobility (by _id) before counting it.
 */
export interface PartnerYearPlans extends ReadModel {
  readonly partnerId: string;
  readonly academicYear: string;
  readonly plans: readonly PlacePlan[];
}

export const partnerYearId = (partnerId: string, academicYear: string): string => `${partnerId}|${academicYear}`;

function partnerYearOf(event: StoredEvent): string[] {
  const planEvent = asPlanEvent(event);
  if (planEvent.type !== 'MobilityPlanProposed' && planEvent.type !== 'MobilityPlanChanged') return [];
  const { host, startOn } = planEvent.data;
  return host.partnerId === null ? [] : [partnerYearId(host.partnerId, academicYearOf(startOn))];
}

export const partnerYearPlans: Projection<PartnerYearPlans> = {
  name: 'rm_partner_year_plans',
  handles: ['MobilityPlanProposed', 'MobilityPlanChanged'],
  documentsOf: partnerYearOf,
  evolve: (document, stored, id) => {
    const event = asPlanEvent(stored);
    if (event.type !== 'MobilityPlanProposed' && event.type !== 'MobilityPlanChanged') {
      return document ?? { _id: id, partnerId: '', academicYear: '', plans: [] };
    }
    const { planId, studentId, kind, host, startOn } = event.data;
    const others = (document?.plans ?? []).filter((plan) => plan.planId !== planId);
    return {
      _id: id,
      partnerId: host.partnerId ?? '',
      academicYear: academicYearOf(startOn),
      plans: [...others, { planId, studentId, kind }],
    };
  },
};
