import type { Projection, ReadModel } from '@admissions/projections';
import type { AdmissionFileEvent } from '../domain';

/**
 * Per candidacy: the version its file stream (`admission-file-<candidacyId>`) has reached in the
 * log, and the version it had when the candidacy was decided. Folded in log position order, so
 * the latter counts exactly the facts the jury had recorded before it decided (JURY-2), however
 * soon a correction came after.
 */
export interface AdmissionFileCut extends ReadModel {
  readonly fileVersion: number;
  /** Null until decided. */
  readonly fileVersionAtDecision: number | null;
}

const FILE_EVENTS: readonly AdmissionFileEvent['type'][] = [
  'EligibilityRecorded',
  'EquivalenceConfirmationRecorded',
  'InterviewOutcomeRecorded',
  'LeadOpinionRecorded',
];

export const admissionFileCuts: Projection<AdmissionFileCut> = {
  name: 'rm_admission_file_cuts',
  handles: [...FILE_EVENTS, 'AdmissionDecided'],
  documentsOf: (event) => [(event.data as { candidacyId: string }).candidacyId],
  evolve: (document, event, id) => {
    const cut = document ?? { _id: id, fileVersion: 0, fileVersionAtDecision: null };
    return event.type === 'AdmissionDecided'
      ? { ...cut, fileVersionAtDecision: cut.fileVersion }
      : { ...cut, fileVersion: event.metadata.version };
  },
};
