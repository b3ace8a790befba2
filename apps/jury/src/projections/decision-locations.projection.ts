import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import { decisionIdOf } from '../application/decision-mapper';
import type { AdmissionDecided } from '../domain';

/** Where a decision sits in the jury's store, by its public id (the key of its explanation). */
export interface DecisionLocation extends ReadModel {
  readonly decisionEventId: string;
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  /** The AdmissionDecided event's version in `programme-<code>`. */
  readonly programmeVersion: number;
}

export const decisionLocations: Projection<DecisionLocation> = {
  name: 'rm_decision_locations',
  handles: ['AdmissionDecided'],
  startedBy: ['AdmissionDecided'],
  documentsOf: (event) => [decisionIdOf(event.metadata.eventId)],
  evolve: (_document, event: StoredEvent, id) => {
    const { candidacyId, candidateId, programmeCode } = (event as StoredEvent<AdmissionDecided>).data;
    const { eventId, version } = event.metadata;
    return { _id: id, decisionEventId: eventId, candidacyId, candidateId, programmeCode, programmeVersion: version };
  },
};
