import { assertNever } from '@admissions/domain-kernel';
import type { InterviewMode } from './review.commands';
import type { ReasonedOpinion, ReviewEvent } from './review.events';

/** ELIG-5: NOT_REQUIRED for a French diploma; PENDING until the reviewer confirms or refuses. */
export type Equivalence = 'NOT_REQUIRED' | 'PENDING' | 'CONFIRMED' | 'REFUSED';

export type Interview =
  | { readonly status: 'NONE' }
  | {
      readonly status: 'SCHEDULED';
      readonly startsAt: string;
      readonly mode: InterviewMode;
      readonly room: string | null;
      readonly link: string | null;
    }
  | { readonly status: 'CANCELLED'; readonly reason: string | null }
  | {
      readonly status: 'HELD';
      readonly startsAt: string;
      readonly conclusive: boolean;
      readonly notes: string;
    };

export interface ReviewFile {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly leadId: string;
  readonly submissionRank: number;
  readonly equivalence: Equivalence;
  readonly interview: Interview;
  readonly opinion: ReasonedOpinion | null;
}

/**
 * NOT_OPENED: no CandidacySubmitted seen yet. OPEN: under examination. DECIDED: admissibility
 * declared (REV-4), the opinion may still be corrected. CLOSED: candidacy withdrawn, read only.
 */
export type ReviewState =
  | { readonly status: 'NOT_OPENED' }
  | ({ readonly status: 'OPEN' } & ReviewFile)
  | ({ readonly status: 'DECIDED'; readonly admissible: boolean } & ReviewFile)
  | ({ readonly status: 'CLOSED' } & ReviewFile);

export type OpenedReview = Exclude<ReviewState, { status: 'NOT_OPENED' }>;

export const initialReviewState = (): ReviewState => ({ status: 'NOT_OPENED' });

export function evolveReview(state: ReviewState, event: ReviewEvent): ReviewState {
  if (event.type === 'ReviewOpened') {
    const { candidacyId, candidateId, programmeCode, submissionRank, eligibility } = event.data;
    return {
      status: 'OPEN',
      candidacyId,
      candidateId,
      programmeCode,
      submissionRank,
      leadId: '',
      equivalence: eligibility === 'PENDING_EQUIVALENCE' ? 'PENDING' : 'NOT_REQUIRED',
      interview: { status: 'NONE' },
      opinion: null,
    };
  }
  return state.status === 'NOT_OPENED' ? state : evolveOpened(state, event);
}

function evolveOpened(state: OpenedReview, event: ReviewEvent): OpenedReview {
  switch (event.type) {
    case 'ReviewOpened':
      return state;
    case 'ReviewAssigned':
      return { ...state, leadId: event.data.leadId };
    case 'InterviewScheduled':
    case 'InterviewRescheduled': {
      const { startsAt, mode, room, link } = event.data;
      return {
        ...state,
        interview: { status: 'SCHEDULED', startsAt, mode, room, link },
      };
    }
    case 'InterviewCancelled':
      return {
        ...state,
        interview: { status: 'CANCELLED', reason: event.data.reason },
      };
    case 'InterviewHeld': {
      const { startsAt, conclusive, notes } = event.data;
      return {
        ...state,
        interview: { status: 'HELD', startsAt, conclusive, notes },
      };
    }
    case 'EquivalenceConfirmed':
      return { ...state, equivalence: 'CONFIRMED' };
    case 'EquivalenceRefused':
      return { ...state, equivalence: 'REFUSED' };
    case 'OpinionGiven':
    case 'OpinionCorrected':
      return {
        ...state,
        opinion: {
          opinion: event.data.opinion,
          motivation: event.data.motivation,
        },
      };
    case 'CandidateDeclaredAdmissible':
      return { ...state, status: 'DECIDED', admissible: true };
    case 'CandidateDeclaredNotAdmissible':
      return { ...state, status: 'DECIDED', admissible: false };
    case 'ReviewClosed':
      return { ...fileOf(state), status: 'CLOSED' };
    default:
      return assertNever(event);
  }
}

function fileOf(state: OpenedReview): ReviewFile {
  const { candidacyId, candidateId, programmeCode, leadId, submissionRank, equivalence, interview, opinion } = state;
  return {
    candidacyId,
    candidateId,
    programmeCode,
    leadId,
    submissionRank,
    equivalence,
    interview,
    opinion,
  };
}
