import type { Projection } from '@admissions/projections';
import { type ProgrammeDetails, type ProgrammeEvent, pickDetails } from '../domain';

/** The catalogue of Mastères Spécialisés, keyed by programme code (CAND-4). */
export interface ProgrammeDocument extends ProgrammeDetails {
  _id: string;
  _position?: number;
  createdAt: string;
  changedAt?: string;
}

export const programmeCatalogue: Projection<ProgrammeDocument> = {
  name: 'rm_programmes',
  handles: ['ProgrammeCreated', 'ProgrammeChanged'],
  documentsOf: (event) => [(event.data as ProgrammeDetails).code],
  evolve: (document, stored, id) => {
    const event = { type: stored.type, data: stored.data } as ProgrammeEvent;
    const details = pickDetails(event.data);
    return event.type === 'ProgrammeCreated'
      ? { _id: id, ...details, createdAt: event.data.createdAt }
      : {
          _id: id,
          ...details,
          createdAt: document?.createdAt ?? event.data.changedAt,
          changedAt: event.data.changedAt,
        };
  },
};
