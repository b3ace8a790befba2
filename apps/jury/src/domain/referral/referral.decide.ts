import {
  assertNever,
  CommandMetadata,
  Decider,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  parisDate,
  startOfParisDay,
  ValidationError,
  windowEnd,
  INPUT,
} from '@admissions/domain-kernel';
import type {
  AcceptProposal,
  ApplicationOutcome,
  ApplicationOutcomeKind,
  CompleteProposals,
  FileReferral,
  RecordProposal,
  ReferralCommand,
  TranscriptFact,
} from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { evolveFiled, evolveReferral, FiledReferral, initialReferralState, ReferralState } from './referral.state';

/** REC-2: days after the last negative answer to file. */
export const REFERRAL_WINDOW_DAYS = 15;
/** REC-5: proposals the rectorate makes. */
export const MAX_PROPOSALS = 3;
/** REC-7: days to answer the proposals. */
export const ANSWER_WINDOW_DAYS = 15;
export const RECTORATE_ROLES: readonly string[] = ['rectorate-officer', 'admin'];
export const ADMIN_ROLE = 'admin';

/**
 * REC-1 interpretation: an offer is a positive answer even when it was declined or let expire
 * (the rule reads "received no positive answer"); a waitlisted or undecided application is still
 * pending. Only a rejection is a negative answer.
 */
export const ANSWER_KIND: Readonly<Record<ApplicationOutcomeKind, 'POSITIVE' | 'PENDING' | 'NEGATIVE'>> = {
  ADMITTED: 'POSITIVE',
  ENROLLED: 'POSITIVE',
  OFFER_DECLINED: 'POSITIVE',
  OFFER_EXPIRED: 'POSITIVE',
  WAITLISTED: 'PENDING',
  PENDING: 'PENDING',
  REJECTED: 'NEGATIVE',
};

type Events = ReferralEvent[];

/**
 * Pure decider of a recourse referral (one stream per candidate). Every command first lapses a
 * referral whose answer window ended (REC-7), so a lost deadline job never leaves it open.
 */
export function decideReferral(command: ReferralCommand, state: ReferralState): Events {
  switch (state.status) {
    case 'NONE':
      if (command.type !== 'FileReferral') throw new NotFoundError('referral not found', INPUT);
      return fileReferral(command);
    case 'FILED':
    case 'AWAITING_ANSWER':
    case 'ACCEPTED':
    case 'LAPSED': {
      const lapsed = lapseIfDue(state, command.metadata.now);
      const current = lapsed.reduce(evolveFiled, state);
      return [...lapsed, ...decideFiled(command, current)];
    }
    default:
      return assertNever(state);
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: initialReferralState,
  decide: decideReferral,
  evolve: evolveReferral,
};

function decideFiled(command: ReferralCommand, state: FiledReferral): Events {
  switch (command.type) {
    case 'FileReferral':
      if (command.data.referralId === state.referralId) return [];
      throw new IllegalStateError('a referral is already filed for this candidate', 'REC-1');
    case 'AcknowledgeReferral':
      return acknowledgeReferral(command.metadata.now, state);
    case 'RecordProposal':
      return recordProposal(command, state);
    case 'CompleteProposals':
      return completeProposals(command, state);
    case 'AcceptProposal':
      return acceptProposal(command, state);
    case 'LapseReferral':
      return []; // the sweep above lapsed it if it was due
    default:
      return assertNever(command);
  }
}

// ---- filing (REC-1, REC-2, REC-3) -------------------------------------------------------------

function fileReferral({ data, metadata }: FileReferral): Events {
  const { actor, now } = metadata;
  if (actor.id !== data.candidateId && !actor.roles.includes(ADMIN_ROLE)) {
    throw new ForbiddenError('a candidate files their own referral', INPUT);
  }
  const transcript = uploadedTranscript(data.transcript, data.candidateId);
  const lastNegativeAt = lastNegativeAnswer(data.outcomes);
  if (now.getTime() > windowEnd(lastNegativeAt, REFERRAL_WINDOW_DAYS).getTime()) {
    throw new IllegalStateError(
      `a referral is filed within ${REFERRAL_WINDOW_DAYS} days of the last negative answer`,
      'REC-2',
    );
  }
  const academicYearStart = parisDate(now).year;
  const filed: ReferralEvent = {
    type: 'ReferralFiled',
    data: {
      referralId: data.referralId,
      candidateId: data.candidateId,
      transcriptDocumentRef: transcript,
      lastNegativeAnswerAt: lastNegativeAt.toISOString(),
      academicYear: `${academicYearStart}-${academicYearStart + 1}`,
      proposalsDueBy: endOfOctober(academicYearStart).toISOString(),
      filedAt: now.toISOString(),
    },
  };
  // REC-4: registered as it is filed, in the same commit, so no proposal ever waits for it.
  return [filed, ...acknowledgeReferral(now, evolveReferral(initialReferralState(), filed))];
}

/**
 * REC-3: the bachelor transcript is a PDF the candidate uploaded for the referral. Another
 * person's reference is refused like an unknown one, so references cannot be probed.
 */
function uploadedTranscript(transcript: TranscriptFact | null, candidateId: string): string {
  const ref = (transcript?.ref ?? '').trim();
  if (!transcript || ref === '') {
    throw new ValidationError('the bachelor transcript is mandatory', 'REC-3', 'transcriptDocumentRef');
  }
  if (transcript.ownerId !== candidateId) {
    throw new ValidationError(
      'no transcript uploaded by the candidate has this reference: upload it first',
      'REC-3',
      'transcriptDocumentRef',
    );
  }
  return ref;
}

/** REC-1: no positive and no pending answer; the last negative one starts REC-2's window. */
function lastNegativeAnswer(outcomes: readonly ApplicationOutcome[]): Date {
  for (const outcome of outcomes) {
    if (ANSWER_KIND[outcome.outcome] === 'POSITIVE') {
      throw new IllegalStateError(`a positive answer was received (${outcome.programmeCode})`, 'REC-1', 'outcomes');
    }
    if (ANSWER_KIND[outcome.outcome] === 'PENDING') {
      throw new IllegalStateError(`an application is still pending (${outcome.programmeCode})`, 'REC-1', 'outcomes');
    }
    if (Number.isNaN(Date.parse(outcome.at)))
      throw new ValidationError('an outcome time is not an ISO instant', 'REC-1', 'outcomes');
  }
  const times = outcomes.map((outcome) => Date.parse(outcome.at));
  if (times.length === 0) throw new IllegalStateError('no negative answer to refer', 'REC-1', 'outcomes');
  return new Date(Math.max(...times));
}

/**
 * REC-6 interpretation: the proposals come in the academic year (September to August) that starts
 * in the filing's calendar year, at the latest on 31 October 23:59:59.999 Paris of that year.
 */
function endOfOctober(year: number): Date {
  return new Date(startOfParisDay({ year, month: 11, day: 1 }).getTime() - 1);
}

/**
 * REC-4: the referral is registered; the candidate is emailed the acknowledgement. A referral is
 * acknowledged as it is filed; AcknowledgeReferral (the referral process) and a first proposal
 * acknowledge one filed before that, when it was acknowledged later, through Kafka.
 */
function acknowledgeReferral(now: Date, state: ReferralState): Events {
  if (state.status === 'NONE' || state.acknowledged) return [];
  return [
    {
      type: 'ReferralAcknowledged',
      data: {
        referralId: state.referralId,
        candidateId: state.candidateId,
        acknowledgedAt: now.toISOString(),
      },
    },
  ];
}

// ---- proposals (REC-5, REC-6) -----------------------------------------------------------------

function recordProposal(command: RecordProposal, filed: FiledReferral): Events {
  const { data, metadata } = command;
  requireRectorate(metadata);
  if (filed.proposals.some((p) => p.proposalId === data.proposalId)) return [];
  if (filed.status !== 'FILED') throw new IllegalStateError(`the ${MAX_PROPOSALS} proposals are already made`, 'REC-5');
  const acknowledged = acknowledgeReferral(metadata.now, filed);
  return [...acknowledged, ...propose(command, acknowledged.reduce(evolveFiled, filed))];
}

function propose({ data, metadata }: RecordProposal, state: FiledReferral): Events {
  if (metadata.now.getTime() > Date.parse(state.proposalsDueBy)) {
    throw new IllegalStateError(`proposals come by ${state.proposalsDueBy} at the latest`, 'REC-6');
  }
  if ((data.programmeCode ?? '').trim() === '')
    throw new ValidationError('programmeCode is required', 'REC-5', 'programmeCode');
  if (state.proposals.some((p) => p.programmeCode === data.programmeCode)) {
    throw new ValidationError('each proposal is on a different programme', 'REC-5', 'programmeCode');
  }
  const at = metadata.now.toISOString();
  const recorded: ReferralEvent = {
    type: 'ProposalRecorded',
    data: {
      referralId: state.referralId,
      proposalId: data.proposalId,
      programmeCode: data.programmeCode,
      recordedAt: at,
    },
  };
  const proposals = [...state.proposals, { proposalId: data.proposalId, programmeCode: data.programmeCode }];
  return proposals.length < MAX_PROPOSALS ? [recorded] : [recorded, proposalsMade(state, proposals, metadata.now)];
}

/** REC-5: fewer than three proposals could be found; they are sent as they are. */
function completeProposals({ metadata }: CompleteProposals, state: FiledReferral): Events {
  requireRectorate(metadata);
  if (state.status !== 'FILED') return [];
  if (state.proposals.length === 0) throw new IllegalStateError('no proposal has been recorded', 'REC-5');
  return [proposalsMade(state, state.proposals, metadata.now)];
}

/** REC-7: the answer window opens the day the proposals are made. */
function proposalsMade(state: FiledReferral, proposals: FiledReferral['proposals'], now: Date): ReferralEvent {
  return {
    type: 'ProposalsMade',
    data: {
      referralId: state.referralId,
      candidateId: state.candidateId,
      proposals,
      proposalsMadeAt: now.toISOString(),
      answerDueAt: windowEnd(now, ANSWER_WINDOW_DAYS).toISOString(),
    },
  };
}

// ---- answer (REC-7) -----------------------------------------------------------------------------

function acceptProposal({ data, metadata }: AcceptProposal, state: FiledReferral): Events {
  if (metadata.actor.id !== state.candidateId) throw new NotFoundError('referral not found', INPUT);
  switch (state.status) {
    case 'FILED':
      throw new IllegalStateError('the proposals are not made yet', 'REC-7');
    case 'ACCEPTED':
      if (state.acceptedProposalId === data.proposalId) return [];
      throw new IllegalStateError('a proposal is already accepted: accepting one declines the others', 'REC-7');
    case 'LAPSED':
      throw new IllegalStateError('the answer window has ended', 'REC-7');
    case 'AWAITING_ANSWER':
      return accept(state, data.proposalId, metadata.now.toISOString());
    default:
      return assertNever(state);
  }
}

function accept(state: FiledReferral, proposalId: string, at: string): Events {
  const accepted = state.proposals.find((p) => p.proposalId === proposalId);
  if (accepted === undefined) throw new NotFoundError('proposal not found', INPUT);
  const { referralId, candidateId } = state;
  return [
    {
      type: 'ProposalAccepted',
      data: { ...accepted, referralId, candidateId, acceptedAt: at },
    },
    ...state.proposals
      .filter((p) => p.proposalId !== proposalId)
      .map((p): ReferralEvent => ({
        type: 'ProposalDeclined',
        data: { ...p, referralId, declinedAt: at },
      })),
  ];
}

/** REC-7: unanswered after the window, the referral lapses and every seat is released. */
function lapseIfDue(state: FiledReferral, now: Date): Events {
  if (state.status !== 'AWAITING_ANSWER' || now.getTime() <= Date.parse(state.answerDueAt)) return [];
  const { referralId, candidateId, proposals } = state;
  return [
    {
      type: 'ReferralLapsed',
      data: {
        referralId,
        candidateId,
        releasedProposals: proposals,
        lapsedAt: now.toISOString(),
      },
    },
  ];
}

function requireRectorate(metadata: CommandMetadata): void {
  if (!metadata.actor.roles.some((role) => RECTORATE_ROLES.includes(role))) {
    throw new ForbiddenError('only a rectorate officer records proposals', INPUT);
  }
}
