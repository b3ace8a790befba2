import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { StudentRegime } from '../domain';
import { asPlanEvent } from './stored-events';

export interface CohortStudent {
  readonly studentId: string;
  readonly regime: StudentRegime;
}

/**
 * The students of one (year of study, track) cohort known to the service, for the international
 * office's list of students who have not yet fulfilled MOB-1. Keyed by what it is read by.
 *
 * A projection sees one event at a time and neither MobilityRequirementFulfilled nor a plan change
 * says which cohort the student was in before, so this is the list of candidates: the query keeps
 * those whose current status (rm_student_mobility, read by _id) is still in this cohort and not
 * fulfilled.
 */
export interface Cohort extends ReadModel {
  readonly yearOfStudy: number;
  readonly track: string;
  readonly students: readonly CohortStudent[];
}

export const cohortId = (yearOfStudy: number, track: string): string => `${yearOfStudy}|${track}`;

function cohortOf(event: StoredEvent): string[] {
  const planEvent = asPlanEvent(event);
  if (planEvent.type !== 'MobilityPlanProposed' && planEvent.type !== 'MobilityPlanChanged') return [];
  const { yearOfStudy, track } = planEvent.data.personal.profile;
  return [cohortId(yearOfStudy, track)];
}

export const cohorts: Projection<Cohort> = {
  name: 'rm_mobility_cohorts',
  handles: ['MobilityPlanProposed', 'MobilityPlanChanged'],
  documentsOf: cohortOf,
  evolve: (document, stored, id) => {
    const event = asPlanEvent(stored);
    if (event.type !== 'MobilityPlanProposed' && event.type !== 'MobilityPlanChanged') {
      return document ?? { _id: id, yearOfStudy: 0, track: '', students: [] };
    }
    const { studentId, personal } = event.data;
    const { yearOfStudy, track, regime } = personal.profile;
    const others = (document?.students ?? []).filter((student) => student.studentId !== studentId);
    return { _id: id, yearOfStudy, track, students: [...others, { studentId, regime }] };
  },
  // Erasure: a student's year and track are their profile; the erased student leaves the cohort.
  erasure: {
    personField: 'students.studentId',
    erase: (cohort, personId) => ({
      ...cohort,
      students: cohort.students.filter((student) => student.studentId !== personId),
    }),
  },
};
