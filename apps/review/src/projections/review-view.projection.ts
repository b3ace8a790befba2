import { domainEventOf, erasedShape, type StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type {
  CandidatePersonal,
  EligibilityStatus,
  Equivalence,
  FileSummary,
  InterviewMode,
  NotAdmissibleReason,
  OpinionKind,
  ReviewEvent,
} from '../domain';
import { assertNever } from '@admissions/domain-kernel';

/** Where a file stands, as the lead filters the worklist (REV-4 outcome once declared). */
export const REVIEW_STATUSES = ['OPEN', 'ADMISSIBLE', 'NOT_ADMISSIBLE', 'CLOSED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface InterviewView {
  readonly status: 'NONE' | 'SCHEDULED' | 'CANCELLED' | 'HELD';
  readonly startsAt: string | null;
  readonly mode: InterviewMode | null;
  readonly room: string | null;
  readonly link: string | null;
  readonly conclusive: boolean | null;
  readonly notes: string | null;
  readonly cancellationReason: string | null;
}

export interface OpinionView {
  readonly opinion: OpinionKind;
  readonly motivation: string;
  readonly givenAt: string;
}

export interface CorrectionView {
  readonly opinion: OpinionKind;
  readonly motivation: string;
  readonly reason: string;
  readonly correctedAt: string;
}

/** One review as its lead reads it: the file, the interview, the opinion and the outcome. */
export interface ReviewView extends ReadModel {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly leadId: string | null;
  readonly submissionRank: number;
  readonly eligibility: EligibilityStatus;
  readonly equivalence: Equivalence;
  readonly equivalenceRefusal: string | null;
  readonly status: ReviewStatus;
  readonly fileSummary: FileSummary | null;
  readonly personal: CandidatePersonal | null;
  readonly interview: InterviewView;
  readonly opinion: OpinionView | null;
  readonly corrections: readonly CorrectionView[];
  readonly notAdmissibleReason: NotAdmissibleReason | null;
  readonly openedAt: string | null;
  readonly updatedAt: string;
}

const NO_INTERVIEW: InterviewView = {
  status: 'NONE',
  startsAt: null,
  mode: null,
  room: null,
  link: null,
  conclusive: null,
  notes: null,
  cancellationReason: null,
};

function blank(candidacyId: string, at: string): ReviewView {
  return {
    _id: candidacyId,
    candidacyId,
    candidateId: '',
    programmeCode: '',
    leadId: null,
    submissionRank: 0,
    eligibility: 'ELIGIBLE',
    equivalence: 'NOT_REQUIRED',
    equivalenceRefusal: null,
    status: 'OPEN',
    fileSummary: null,
    personal: null,
    interview: NO_INTERVIEW,
    opinion: null,
    corrections: [],
    notAdmissibleReason: null,
    openedAt: null,
    updatedAt: at,
  };
}

export const REVIEW_EVENT_TYPES: readonly ReviewEvent['type'][] = [
  'ReviewOpened',
  'ReviewAssigned',
  'InterviewScheduled',
  'InterviewRescheduled',
  'InterviewCancelled',
  'InterviewHeld',
  'EquivalenceConfirmed',
  'EquivalenceRefused',
  'OpinionGiven',
  'OpinionCorrected',
  'CandidateDeclaredAdmissible',
  'CandidateDeclaredNotAdmissible',
  'ReviewClosed',
];

/**
 * rm_reviews: one document per candidacy (read by _id), folded from the review's events; a lead's
 * worklist is an equality on the indexed leadId and status, so it costs what it returns; a
 * candidate's reviews (their data, GDPR art. 15) one on the indexed candidateId.
 */
export const reviewViews: Projection<ReviewView> = {
  name: 'rm_reviews',
  handles: REVIEW_EVENT_TYPES,
  indexes: ['leadId', 'status', 'candidateId'],
  documentsOf: (event: StoredEvent) => [(event.data as { candidacyId: string }).candidacyId],
  evolve: (document, stored, id) => {
    const event = domainEventOf<ReviewEvent>(stored);
    const at = stored.metadata.occurredAt;
    const view = { ...(document ?? blank(id, at)), updatedAt: at };
    return evolveView(view, event);
  },
  // Erasure: the candidate's name, email and phone become placeholders; the review stays.
  erasure: {
    personField: 'candidateId',
    erase: (view) =>
      view.personal === null ? view : { ...view, personal: erasedShape(view.personal) as CandidatePersonal },
  },
};

function evolveView(view: ReviewView, event: ReviewEvent): ReviewView {
  switch (event.type) {
    case 'ReviewOpened': {
      const { candidateId, programmeCode, eligibility, submissionRank, fileSummary, personal, openedAt } = event.data;
      const equivalence: Equivalence = eligibility === 'PENDING_EQUIVALENCE' ? 'PENDING' : 'NOT_REQUIRED';
      return {
        ...view,
        candidateId,
        programmeCode,
        eligibility,
        equivalence,
        submissionRank,
        fileSummary,
        personal,
        openedAt,
      };
    }
    case 'ReviewAssigned':
      return { ...view, leadId: event.data.leadId };
    case 'InterviewScheduled':
    case 'InterviewRescheduled': {
      const { startsAt, mode, room, link } = event.data;
      return { ...view, interview: { ...NO_INTERVIEW, status: 'SCHEDULED', startsAt, mode, room, link } };
    }
    case 'InterviewCancelled':
      return {
        ...view,
        interview: { ...view.interview, status: 'CANCELLED', cancellationReason: event.data.reason },
      };
    case 'InterviewHeld': {
      const { startsAt, conclusive, notes } = event.data;
      return { ...view, interview: { ...view.interview, status: 'HELD', startsAt, conclusive, notes } };
    }
    case 'EquivalenceConfirmed':
      return { ...view, equivalence: 'CONFIRMED' };
    case 'EquivalenceRefused':
      return { ...view, equivalence: 'REFUSED', equivalenceRefusal: event.data.reason };
    case 'OpinionGiven': {
      const { opinion, motivation, givenAt } = event.data;
      return { ...view, opinion: { opinion, motivation, givenAt } };
    }
    case 'OpinionCorrected': {
      const { opinion, motivation, reason, correctedAt } = event.data;
      return {
        ...view,
        opinion: { opinion, motivation, givenAt: correctedAt },
        corrections: [...view.corrections, { opinion, motivation, reason, correctedAt }],
      };
    }
    case 'CandidateDeclaredAdmissible':
      return { ...view, status: 'ADMISSIBLE', notAdmissibleReason: null };
    case 'CandidateDeclaredNotAdmissible':
      return { ...view, status: 'NOT_ADMISSIBLE', notAdmissibleReason: event.data.reason };
    case 'ReviewClosed':
      return { ...view, status: 'CLOSED' };
    default:
      return assertNever(event);
  }
}
