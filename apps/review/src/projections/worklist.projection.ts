import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { ReviewAssigned } from '../domain';

/** rm_worklists: one document per lead (read by _id) listing the reviews assigned to them (REV-1). */
export interface Worklist extends ReadModel {
  readonly leadId: string;
  readonly candidacyIds: readonly string[];
}

export const worklists: Projection<Worklist> = {
  name: 'rm_worklists',
  handles: ['ReviewAssigned'],
  documentsOf: (event: StoredEvent) => {
    const { leadId, previousLeadId } = (event as unknown as ReviewAssigned).data;
    return previousLeadId === null || previousLeadId === leadId ? [leadId] : [leadId, previousLeadId];
  },
  evolve: (document, event, id) => {
    const { candidacyId, leadId } = (event as unknown as ReviewAssigned).data;
    const others = (document?.candidacyIds ?? []).filter((existing) => existing !== candidacyId);
    // The new lead gains the file, the former lead loses it.
    return { _id: id, leadId: id, candidacyIds: id === leadId ? [...others, candidacyId] : others };
  },
};
