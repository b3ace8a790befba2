import { assertNever } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import type { Projection } from '@admissions/projections';
import type { CandidacyEvent, EligibilityStatus } from '../domain';
import { asCandidacyEvent } from './candidate-space.projection';

export type PipelineStatus = 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';

export interface PipelineFile {
  readonly candidacyId: string;
  readonly status: PipelineStatus;
  readonly candidateId?: string;
  readonly candidateName?: string;
  readonly eligibility?: EligibilityStatus;
  readonly submittedAt?: string;
  /** CAND-3: position in the programme's submission order, once the ledger gave it. */
  readonly rank?: number;
}

/**
 * The staff pipeline of one programme, keyed by programme code: one _id read gives the counts
 * by status and the submitted files in submission order (CAND-3).
 */
export interface PipelineDocument {
  _id: string;
  _position?: number;
  programmeCode: string;
  files: readonly PipelineFile[];
  counts: Readonly<Record<PipelineStatus, number>>;
  submitted: readonly PipelineFile[];
}

type Handled = Extract<
  CandidacyEvent,
  { type: 'ProgrammeChosen' | 'CandidacySubmitted' | 'SubmissionRanked' | 'CandidacyWithdrawn' }
>;

export const programmePipeline: Projection<PipelineDocument> = {
  name: 'rm_programme_pipeline',
  handles: ['ProgrammeChosen', 'CandidacySubmitted', 'SubmissionRanked', 'CandidacyWithdrawn'],
  documentsOf: programmesOf,
  evolve: (document, stored, id) => {
    const files = nextFiles(document?.files ?? [], asCandidacyEvent(stored) as Handled, id);
    return { _id: id, programmeCode: id, files, counts: countsOf(files), submitted: submissionOrder(files) };
  },
  // Erasure: the candidate's name leaves the staff pipeline; their place in it stays.
  erasure: {
    personField: 'files.candidateId',
    erase: (document, personId) => {
      const files = document.files.map((file) =>
        file.candidateId === personId ? { ...file, candidateName: '[erased]' } : file,
      );
      return { ...document, files, submitted: submissionOrder(files) };
    },
  },
};

function programmesOf(stored: StoredEvent): string[] {
  const event = asCandidacyEvent(stored) as Handled;
  switch (event.type) {
    case 'ProgrammeChosen':
      return [
        event.data.programmeCode,
        ...(event.data.previousProgrammeCode ? [event.data.previousProgrammeCode] : []),
      ];
    case 'CandidacySubmitted':
    case 'SubmissionRanked':
      return [event.data.programmeCode];
    case 'CandidacyWithdrawn':
      return event.data.programmeCode ? [event.data.programmeCode] : [];
    default:
      return assertNever(event);
  }
}

function nextFiles(files: readonly PipelineFile[], event: Handled, programmeCode: string): PipelineFile[] {
  const { candidacyId } = event.data;
  const others = files.filter((file) => file.candidacyId !== candidacyId);
  const current = files.find((file) => file.candidacyId === candidacyId) ?? { candidacyId, status: 'DRAFT' };
  switch (event.type) {
    case 'ProgrammeChosen':
      // The file leaves the programme it targeted before and joins the new one as a draft.
      return event.data.programmeCode === programmeCode ? [...others, { candidacyId, status: 'DRAFT' }] : others;
    case 'CandidacySubmitted': {
      const { candidateId, personal, eligibility, submittedAt } = event.data;
      const candidateName = `${personal.firstName} ${personal.lastName}`;
      const submitted: PipelineFile = {
        ...current,
        status: 'SUBMITTED',
        candidateId,
        candidateName,
        eligibility: eligibility.status,
        submittedAt,
      };
      return [...others, submitted];
    }
    case 'SubmissionRanked':
      return [...others, { ...current, rank: event.data.rank }];
    case 'CandidacyWithdrawn':
      return [...others, { ...current, status: 'WITHDRAWN' }];
    default:
      return assertNever(event);
  }
}

function countsOf(files: readonly PipelineFile[]): Record<PipelineStatus, number> {
  const counts: Record<PipelineStatus, number> = { DRAFT: 0, SUBMITTED: 0, WITHDRAWN: 0 };
  for (const file of files) counts[file.status] += 1;
  return counts;
}

/** Ranked files by rank; files the ledger has not ranked yet follow, by submission time. */
function submissionOrder(files: readonly PipelineFile[]): PipelineFile[] {
  const key = (file: PipelineFile) => [file.rank ?? Number.MAX_SAFE_INTEGER, file.submittedAt ?? ''] as const;
  return files
    .filter((file) => file.status === 'SUBMITTED')
    .sort((a, b) => {
      const [rankA, atA] = key(a);
      const [rankB, atB] = key(b);
      return rankA - rankB || atA.localeCompare(atB) || a.candidacyId.localeCompare(b.candidacyId);
    });
}
