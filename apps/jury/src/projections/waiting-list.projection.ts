import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { AdmissionDecided, OfferMade } from '../domain';

/** JURY-5: a programme's waiting list, first in first offered; rank = index + 1. */
export interface WaitingList extends ReadModel {
  readonly programmeCode: string;
  readonly candidateIds: readonly string[];
}

export const waitingList: Projection<WaitingList> = {
  name: 'rm_waiting_list',
  handles: ['AdmissionDecided', 'OfferMade'],
  documentsOf: (event) => [(event.data as { programmeCode: string }).programmeCode],
  evolve: (document, event: StoredEvent, id) => {
    const candidateIds = document?.candidateIds ?? [];
    const typed = { type: event.type, data: event.data } as AdmissionDecided | OfferMade;
    const next =
      typed.type === 'AdmissionDecided'
        ? typed.data.decision === 'WAITLISTED'
          ? [...candidateIds, typed.data.candidateId]
          : candidateIds
        : candidateIds.filter((candidateId) => candidateId !== typed.data.candidateId);
    return { _id: id, programmeCode: id, candidateIds: next };
  },
};

/** 1-based rank, or null when the candidate is not on the list. */
export function rankOn(list: Pick<WaitingList, 'candidateIds'> | null, candidateId: string): number | null {
  const index = list?.candidateIds.indexOf(candidateId) ?? -1;
  return index < 0 ? null : index + 1;
}
