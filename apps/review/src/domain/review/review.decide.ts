import {
  assertNever,
  CommandMetadata,
  Decider,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  INPUT,
  type RuleId,
} from '@admissions/domain-kernel';
import type {
  CancelInterview,
  CloseReview,
  ConfirmEquivalence,
  CorrectOpinion,
  GiveOpinion,
  InterviewSlot,
  OpenReview,
  ReassignReview,
  RecordInterviewOutcome,
  RefuseEquivalence,
  RescheduleInterview,
  ReviewCommand,
  ScheduleInterview,
} from './review.commands';
import type { InterviewPlace, NotAdmissibleReason, ReasonedOpinion, ReviewEvent } from './review.events';
import { evolveReview, initialReviewState, OpenedReview, ReviewFile, ReviewState } from './review.state';

export const ADMIN_ROLE = 'admin';
/** REV-3: a reasoned opinion is at least this long (trimmed). */
export const MIN_MOTIVATION_LENGTH = 30;

/**
 * Pure decider of a Review (one stream per candidacy). System commands (OpenReview,
 * ReassignReview, CloseReview) come from the candidacy events' handlers only and carry no
 * actor check; every other command is for the assigned lead or an admin, anyone else is told
 * the review does not exist (404).
 */
export function decideReview(command: ReviewCommand, state: ReviewState): ReviewEvent[] {
  switch (command.type) {
    case 'OpenReview':
      return openReview(command, state);
    case 'ReassignReview':
      return reassignReview(command, state);
    case 'CloseReview':
      return closeReview(command, state);
    case 'ScheduleInterview':
      return scheduleInterview(command, state);
    case 'RescheduleInterview':
      return rescheduleInterview(command, state);
    case 'CancelInterview':
      return cancelInterview(command, state);
    case 'RecordInterviewOutcome':
      return recordInterviewOutcome(command, state);
    case 'ConfirmEquivalence':
      return confirmEquivalence(command, state);
    case 'RefuseEquivalence':
      return refuseEquivalence(command, state);
    case 'GiveOpinion':
      return giveOpinion(command, state);
    case 'CorrectOpinion':
      return correctOpinion(command, state);
    default:
      return assertNever(command);
  }
}

export const reviewDecider: Decider<ReviewCommand, ReviewEvent, ReviewState> = {
  initialState: initialReviewState,
  decide: decideReview,
  evolve: evolveReview,
};

// ---- system commands -------------------------------------------------------------------

/** REV-1: a submitted file is opened and assigned to its programme's lead; a duplicate is a no-op. */
function openReview({ data, metadata }: OpenReview, state: ReviewState): ReviewEvent[] {
  if (state.status !== 'NOT_OPENED') return [];
  requireText(data.leadId, 'leadId', 'REV-1');
  const at = metadata.now.toISOString();
  const { candidacyId, candidateId, programmeCode, eligibility, submissionRank, fileSummary, personal } = data;
  return [
    {
      type: 'ReviewOpened',
      data: {
        candidacyId,
        candidateId,
        programmeCode,
        eligibility,
        submissionRank,
        fileSummary,
        personal,
        openedAt: at,
      },
    },
    {
      type: 'ReviewAssigned',
      data: {
        candidacyId,
        leadId: data.leadId,
        previousLeadId: null,
        assignedAt: at,
      },
    },
  ];
}

/** REV-1: the programme's lead changed; the file follows. */
function reassignReview({ data, metadata }: ReassignReview, state: ReviewState): ReviewEvent[] {
  if (state.status === 'NOT_OPENED') throw new NotFoundError('review not found', INPUT);
  if (state.status === 'CLOSED') throw closedError();
  requireText(data.leadId, 'leadId', 'REV-1');
  if (data.leadId === state.leadId) return [];
  return [
    {
      type: 'ReviewAssigned',
      data: {
        candidacyId: state.candidacyId,
        leadId: data.leadId,
        previousLeadId: state.leadId,
        assignedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** CandidacyWithdrawn: the review closes (and a pending interview is called off). */
function closeReview({ data, metadata }: CloseReview, state: ReviewState): ReviewEvent[] {
  if (state.status === 'NOT_OPENED' || state.status === 'CLOSED') return [];
  const at = metadata.now.toISOString();
  return [
    ...cancelPendingInterview(state, 'CANDIDACY_WITHDRAWN', at),
    {
      type: 'ReviewClosed',
      data: {
        candidacyId: state.candidacyId,
        reason: data.reason,
        closedAt: at,
      },
    },
  ];
}

// ---- interview (REV-2) ---------------------------------------------------------------------

function scheduleInterview({ data, metadata }: ScheduleInterview, state: ReviewState): ReviewEvent[] {
  const review = underExamination(state, metadata);
  if (review.interview.status === 'SCHEDULED') {
    throw new IllegalStateError('an interview is already scheduled: reschedule it', 'REV-2');
  }
  if (review.interview.status === 'HELD') throw new IllegalStateError('the interview was already held', 'REV-2');
  const slot = validSlot(data, metadata.now);
  return [
    {
      type: 'InterviewScheduled',
      data: {
        candidacyId: review.candidacyId,
        ...slot,
        scheduledAt: metadata.now.toISOString(),
      },
    },
  ];
}

function rescheduleInterview({ data, metadata }: RescheduleInterview, state: ReviewState): ReviewEvent[] {
  const review = underExamination(state, metadata);
  const interview = review.interview;
  if (interview.status !== 'SCHEDULED') throw new IllegalStateError('no interview is scheduled', 'REV-2');
  const slot = validSlot(data, metadata.now);
  return [
    {
      type: 'InterviewRescheduled',
      data: {
        candidacyId: review.candidacyId,
        ...slot,
        previousStartsAt: interview.startsAt,
        rescheduledAt: metadata.now.toISOString(),
      },
    },
  ];
}

function cancelInterview({ data, metadata }: CancelInterview, state: ReviewState): ReviewEvent[] {
  const review = underExamination(state, metadata);
  if (review.interview.status !== 'SCHEDULED') throw new IllegalStateError('no interview is scheduled', 'REV-2');
  return cancelPendingInterview(review, data.reason?.trim() || null, metadata.now.toISOString());
}

/** REV-2/REV-4: the outcome of a scheduled (not cancelled) interview, once its time has come. */
function recordInterviewOutcome({ data, metadata }: RecordInterviewOutcome, state: ReviewState): ReviewEvent[] {
  const review = underExamination(state, metadata);
  const interview = review.interview;
  if (interview.status !== 'SCHEDULED') throw new IllegalStateError('no interview is scheduled', 'REV-2');
  if (metadata.now.getTime() < Date.parse(interview.startsAt)) {
    throw new IllegalStateError('the interview has not taken place yet', 'REV-2');
  }
  requireText(data.notes, 'notes', 'REV-2');
  return [
    {
      type: 'InterviewHeld',
      data: {
        candidacyId: review.candidacyId,
        startsAt: interview.startsAt,
        conclusive: data.conclusive,
        notes: data.notes.trim(),
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

// ---- equivalence (ELIG-5) ---------------------------------------------------------------------

function confirmEquivalence({ metadata }: ConfirmEquivalence, state: ReviewState): ReviewEvent[] {
  const review = activeReview(state, metadata);
  if (review.equivalence !== 'PENDING') throw new IllegalStateError('no equivalence is pending', 'ELIG-5');
  return [
    {
      type: 'EquivalenceConfirmed',
      data: {
        candidacyId: review.candidacyId,
        confirmedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** ELIG-5: a refused equivalence makes the candidate not admissible, with the reason. */
function refuseEquivalence({ data, metadata }: RefuseEquivalence, state: ReviewState): ReviewEvent[] {
  const review = activeReview(state, metadata);
  if (review.equivalence !== 'PENDING') throw new IllegalStateError('no equivalence is pending', 'ELIG-5');
  requireText(data.reason, 'reason', 'ELIG-5');
  const at = metadata.now.toISOString();
  const refused: ReviewEvent = {
    type: 'EquivalenceRefused',
    data: {
      candidacyId: review.candidacyId,
      reason: data.reason.trim(),
      refusedAt: at,
    },
  };
  if (review.status === 'DECIDED') return [refused]; // already not admissible: a pending equivalence bars admissibility
  return [
    ...cancelPendingInterview(review, 'EQUIVALENCE_REFUSED', at),
    refused,
    notAdmissible(review, { code: 'EQUIVALENCE_REFUSED', explanation: data.reason.trim() }, at),
  ];
}

// ---- opinion (REV-3) and admissibility (REV-4) -----------------------------------------------

function giveOpinion({ data, metadata }: GiveOpinion, state: ReviewState): ReviewEvent[] {
  const review = underExamination(state, metadata);
  if (review.interview.status === 'SCHEDULED') {
    throw new IllegalStateError('record the outcome of the scheduled interview (or cancel it) first', 'REV-4');
  }
  const opinion = validOpinion(data, review);
  const at = metadata.now.toISOString();
  return [
    {
      type: 'OpinionGiven',
      data: { candidacyId: review.candidacyId, ...opinion, givenAt: at },
    },
    declaration(review, opinion, admissibility(review, opinion), at),
  ];
}

/** REV-3: the opinion is given once; a correction supersedes it and re-declares only on a change. */
function correctOpinion({ data, metadata }: CorrectOpinion, state: ReviewState): ReviewEvent[] {
  const review = activeReview(state, metadata);
  if (review.status !== 'DECIDED' || review.opinion === null) {
    throw new IllegalStateError('no opinion has been given yet', 'REV-3');
  }
  requireText(data.reason, 'reason', 'REV-3');
  const opinion = validOpinion(data, review);
  const at = metadata.now.toISOString();
  const corrected: ReviewEvent = {
    type: 'OpinionCorrected',
    data: {
      candidacyId: review.candidacyId,
      ...opinion,
      previous: review.opinion,
      reason: data.reason.trim(),
      correctedAt: at,
    },
  };
  const outcome = admissibility(review, opinion);
  return outcome.admissible === review.admissible
    ? [corrected]
    : [corrected, declaration(review, opinion, outcome, at)];
}

type Admissibility =
  { readonly admissible: true } | { readonly admissible: false; readonly reason: NotAdmissibleReason };

/** REV-4 (with its interpretation) and ELIG-5. */
function admissibility(file: ReviewFile, opinion: ReasonedOpinion): Admissibility {
  if (file.equivalence === 'REFUSED') {
    return {
      admissible: false,
      reason: {
        code: 'EQUIVALENCE_REFUSED',
        explanation: 'foreign diploma equivalence refused',
      },
    };
  }
  if (opinion.opinion === 'UNFAVOURABLE') {
    return {
      admissible: false,
      reason: { code: 'UNFAVOURABLE_OPINION', explanation: opinion.motivation },
    };
  }
  if (file.interview.status === 'HELD' && !file.interview.conclusive) {
    return {
      admissible: false,
      reason: {
        code: 'INCONCLUSIVE_INTERVIEW',
        explanation: file.interview.notes,
      },
    };
  }
  return { admissible: true };
}

function declaration(file: ReviewFile, leadOpinion: ReasonedOpinion, outcome: Admissibility, at: string): ReviewEvent {
  if (!outcome.admissible) return notAdmissible(file, outcome.reason, at);
  const { candidacyId, candidateId, programmeCode, submissionRank } = file;
  return {
    type: 'CandidateDeclaredAdmissible',
    data: {
      candidacyId,
      candidateId,
      programmeCode,
      submissionRank,
      leadOpinion,
      declaredAt: at,
    },
  };
}

function notAdmissible(file: ReviewFile, reason: NotAdmissibleReason, at: string): ReviewEvent {
  const { candidacyId, candidateId, programmeCode } = file;
  return {
    type: 'CandidateDeclaredNotAdmissible',
    data: { candidacyId, candidateId, programmeCode, reason, declaredAt: at },
  };
}

function validOpinion(data: ReasonedOpinion, file: ReviewFile): ReasonedOpinion {
  if (data.opinion !== 'FAVOURABLE' && data.opinion !== 'UNFAVOURABLE') {
    throw new ValidationError('opinion must be FAVOURABLE or UNFAVOURABLE', 'REV-3', 'opinion');
  }
  const motivation = (data.motivation ?? '').trim();
  if (motivation.length < MIN_MOTIVATION_LENGTH) {
    throw new ValidationError(
      `a reasoned opinion needs at least ${MIN_MOTIVATION_LENGTH} characters`,
      'REV-3',
      'motivation',
    );
  }
  if (data.opinion === 'FAVOURABLE' && file.equivalence === 'PENDING') {
    throw new IllegalStateError('confirm the foreign diploma equivalence before a favourable opinion', 'ELIG-5');
  }
  return { opinion: data.opinion, motivation };
}

// ---- guards ---------------------------------------------------------------------------------

/** The review as the actor may see it: 404 when absent or not theirs, refused when closed. */
function activeReview(state: ReviewState, metadata: CommandMetadata): Exclude<OpenedReview, { status: 'CLOSED' }> {
  if (state.status === 'NOT_OPENED') throw new NotFoundError('review not found', INPUT);
  const { actor } = metadata;
  if (actor.id !== state.leadId && !actor.roles.includes(ADMIN_ROLE))
    throw new NotFoundError('review not found', INPUT);
  if (state.status === 'CLOSED') throw closedError();
  return state;
}

/** Interview and opinion commands: only before admissibility is declared. */
function underExamination(state: ReviewState, metadata: CommandMetadata): Extract<ReviewState, { status: 'OPEN' }> {
  const review = activeReview(state, metadata);
  if (review.status === 'DECIDED') {
    throw new IllegalStateError('the opinion was already given: correct it instead', 'REV-3');
  }
  return review;
}

function cancelPendingInterview(file: ReviewFile, reason: string | null, at: string): ReviewEvent[] {
  if (file.interview.status !== 'SCHEDULED') return [];
  return [
    {
      type: 'InterviewCancelled',
      data: { candidacyId: file.candidacyId, reason, cancelledAt: at },
    },
  ];
}

function validSlot(slot: InterviewSlot, now: Date): InterviewPlace & { readonly startsAt: string } {
  const startsAt = Date.parse(slot.at);
  if (Number.isNaN(startsAt)) throw new ValidationError('the interview time is not an ISO instant', 'REV-2', 'at');
  if (startsAt <= now.getTime()) throw new ValidationError('the interview must be in the future', 'REV-2', 'at');
  const iso = new Date(startsAt).toISOString();
  switch (slot.mode) {
    case 'ONSITE':
      return {
        startsAt: iso,
        mode: 'ONSITE',
        room: requireText(slot.room, 'room', 'REV-2'),
        link: null,
      };
    case 'VIDEO':
      return {
        startsAt: iso,
        mode: 'VIDEO',
        room: null,
        link: requireText(slot.link, 'link', 'REV-2'),
      };
    default:
      return assertNever(slot.mode);
  }
}

function requireText(value: string | undefined, field: string, ruleId: RuleId): string {
  const text = (value ?? '').trim();
  if (text === '') throw new ValidationError(`${field} is required`, ruleId, field);
  return text;
}

function closedError(): IllegalStateError {
  return new IllegalStateError('the review is closed (candidacy withdrawn)', INPUT);
}

/** One stream per candidacy under review. */
export const reviewStreamId = (candidacyId: string): string => `review-${candidacyId}`;
