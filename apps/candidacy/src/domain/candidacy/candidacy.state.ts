import { assertNever } from '@admissions/domain-kernel';
import { CandidacyEvent } from './candidacy.events';
import { AttachedDocument, Diploma, EligibilityResult, Language, Personal } from './candidacy.types';

/** What a file holds once opened, whatever its status. */
export interface CandidacyFile {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly openedAt: string;
  readonly personal?: Personal;
  readonly preferredLanguage?: Language;
  readonly diplomas?: readonly Diploma[];
  readonly experienceMonths?: number;
  readonly eligibility?: EligibilityResult;
  readonly programmeCode?: string;
  readonly documents: readonly AttachedDocument[];
}

export type DraftCandidacy = CandidacyFile & { readonly status: 'DRAFT' };
export type SubmittedCandidacy = CandidacyFile & {
  readonly status: 'SUBMITTED';
  readonly programmeCode: string;
  readonly submittedAt: string;
  readonly rank?: number;
};
export type WithdrawnCandidacy = CandidacyFile & {
  readonly status: 'WITHDRAWN';
  readonly withdrawnAt: string;
  readonly submittedAt?: string;
  readonly rank?: number;
};
export type OpenedCandidacy = DraftCandidacy | SubmittedCandidacy | WithdrawnCandidacy;
export type CandidacyState = { readonly status: 'NONE' } | OpenedCandidacy;

export const initialCandidacyState = (): CandidacyState => ({ status: 'NONE' });

export function evolveCandidacy(state: CandidacyState, event: CandidacyEvent): CandidacyState {
  switch (event.type) {
    case 'CandidacyOpened': {
      const { candidacyId, candidateId, openedAt } = event.data;
      return { status: 'DRAFT', candidacyId, candidateId, openedAt, documents: [] };
    }
    case 'IdentityUpdated':
      return onFile(state, (file) => ({
        ...file,
        personal: event.data.personal,
        preferredLanguage: event.data.preferredLanguage,
      }));
    case 'DiplomasRecorded':
      return onFile(state, (file) => ({ ...file, diplomas: event.data.diplomas }));
    case 'ExperienceRecorded':
      return onFile(state, (file) => ({ ...file, experienceMonths: event.data.months }));
    case 'EligibilityAssessed':
      return onFile(state, (file) => ({ ...file, eligibility: event.data.eligibility }));
    case 'ProgrammeChosen':
      return onFile(state, (file) => ({ ...file, programmeCode: event.data.programmeCode }));
    case 'DocumentAttached':
      return onFile(state, (file) => ({ ...file, documents: [...file.documents, attached(event.data)] }));
    case 'DocumentRemoved':
      return onFile(state, (file) => ({
        ...file,
        documents: file.documents.filter((document) => document.documentId !== event.data.documentId),
      }));
    case 'CandidacySubmitted':
      return state.status === 'DRAFT'
        ? {
            ...state,
            status: 'SUBMITTED',
            programmeCode: event.data.programmeCode,
            submittedAt: event.data.submittedAt,
          }
        : state;
    case 'SubmissionRanked':
      return state.status === 'SUBMITTED' || state.status === 'WITHDRAWN' ? { ...state, rank: event.data.rank } : state;
    case 'CandidacyWithdrawn':
      return state.status === 'NONE' ? state : { ...state, status: 'WITHDRAWN', withdrawnAt: event.data.withdrawnAt };
    default:
      return assertNever(event);
  }
}

/** Folds a change into an opened file; an event on a file never opened changes nothing. */
function onFile(state: CandidacyState, change: (file: OpenedCandidacy) => OpenedCandidacy): CandidacyState {
  return state.status === 'NONE' ? state : change(state);
}

function attached(data: Extract<CandidacyEvent, { type: 'DocumentAttached' }>['data']): AttachedDocument {
  const { documentId, kind, contentType, sizeBytes, sha256, storageRef, personal, attachedAt } = data;
  return { documentId, kind, contentType, sizeBytes, sha256, storageRef, fileName: personal.fileName, attachedAt };
}
