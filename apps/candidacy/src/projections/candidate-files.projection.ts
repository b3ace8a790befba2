import type { Projection } from '@admissions/projections';
import type { CandidacyEvent } from '../domain';
import { asCandidacyEvent } from './candidate-space.projection';

export interface CandidateFileEntry {
  readonly candidacyId: string;
  readonly status: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  readonly openedAt: string;
}

/** A candidate's files, keyed by candidate id, so "my files" is one _id lookup (CAND-1). */
export interface CandidateFilesDocument {
  _id: string;
  _position?: number;
  files: readonly CandidateFileEntry[];
}

type Handled = Extract<CandidacyEvent, { type: 'CandidacyOpened' | 'CandidacySubmitted' | 'CandidacyWithdrawn' }>;

export const candidateFiles: Projection<CandidateFilesDocument> = {
  name: 'rm_candidate_files',
  handles: ['CandidacyOpened', 'CandidacySubmitted', 'CandidacyWithdrawn'],
  documentsOf: (event) => [(event.data as Handled['data']).candidateId],
  evolve: (document, stored, id) => {
    const event = asCandidacyEvent(stored) as Handled;
    const files = document?.files ?? [];
    const { candidacyId } = event.data;
    if (event.type === 'CandidacyOpened') {
      const known = files.some((file) => file.candidacyId === candidacyId);
      const opened: CandidateFileEntry = { candidacyId, status: 'DRAFT', openedAt: event.data.openedAt };
      return { _id: id, files: known ? files : [...files, opened] };
    }
    const status = event.type === 'CandidacySubmitted' ? 'SUBMITTED' : 'WITHDRAWN';
    return { _id: id, files: files.map((file) => (file.candidacyId === candidacyId ? { ...file, status } : file)) };
  },
};
