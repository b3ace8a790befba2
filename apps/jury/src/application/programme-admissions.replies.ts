import { INPUT, NotFoundError } from '@admissions/domain-kernel';
import { domainEventOf } from '@admissions/event-store';
import type {
  AdmissionDecided,
  AgendaEntry,
  JuryDecisionKind,
  JurySession,
  OfferMade,
  OfferStatus,
  ProgrammeAdmissionsState,
} from '../domain';
import { decisionIdOf } from './decision-mapper';
import type { WriteResult } from './programme-admissions.writer';

// What a programme's writes answer over HTTP, in business terms: read from the events the
// command appended and the state they led to, so that no event shape leaves the service.

/** JURY-1: the session scheduled, with the admissible candidates who joined its agenda. */
export interface ScheduledSessionView {
  readonly sessionId: string;
  readonly month: string;
  readonly sitsAt: string;
  readonly status: JurySession['status'];
  readonly agenda: readonly AgendaEntry[];
}

/** JURY-4: the seat held for an admitted candidate until `enrolBy`. */
export interface OfferWindow {
  readonly offerId: string;
  readonly enrolBy: string;
}

/** JURY-2: one decision as recorded; `decisionId` names it on admissions.decisions.v1. */
export interface DecisionSummary {
  readonly decisionId: string;
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly outcome: JuryDecisionKind;
  readonly reason: string;
  readonly waitingListRank: number | null;
  readonly decidedAt: string;
  readonly offer: OfferWindow | null;
}

/** The decisions a request recorded on a session, and the session after them (closed once all are decided). */
export interface SessionDecisionsView {
  readonly sessionId: string;
  readonly sessionStatus: JurySession['status'];
  readonly decisions: readonly DecisionSummary[];
}

export type DecisionView = DecisionSummary & Omit<SessionDecisionsView, 'decisions'>;

/** JURY-4: an offer after the candidate's answer (enrolled or declined). */
export interface OfferView {
  readonly programmeCode: string;
  readonly offerId: string;
  readonly candidacyId: string;
  readonly status: OfferStatus;
  readonly enrolBy: string;
}

export function scheduledSession({ state }: WriteResult, sessionId: string): ScheduledSessionView {
  const { month, sitsAt, status, agenda } = sessionOf(state, sessionId);
  return { sessionId, month, sitsAt, status, agenda };
}

export function sessionDecisions({ events, state }: WriteResult, sessionId: string): SessionDecisionsView {
  // By candidacy: the command may also have offered a released seat to someone on the waiting list.
  const offers = events
    .filter((stored) => stored.type === 'OfferMade')
    .map((stored) => domainEventOf<OfferMade>(stored).data);
  const decisions = events
    .filter((stored) => stored.type === 'AdmissionDecided')
    .map((stored): DecisionSummary => {
      const { candidateId, candidacyId, decision, reason, waitingListRank, decidedAt } =
        domainEventOf<AdmissionDecided>(stored).data;
      const offer = offers.find((made) => made.candidacyId === candidacyId);
      return {
        decisionId: decisionIdOf(stored.metadata.eventId),
        candidateId,
        candidacyId,
        outcome: decision,
        reason,
        waitingListRank,
        decidedAt,
        offer: offer === undefined ? null : { offerId: offer.offerId, enrolBy: offer.expiresAt },
      };
    });
  return { sessionId, sessionStatus: sessionOf(state, sessionId).status, decisions };
}

/** A single decision: RecordDecision appends exactly one AdmissionDecided. */
export function decision(result: WriteResult, sessionId: string): DecisionView {
  const { decisions, ...session } = sessionDecisions(result, sessionId);
  if (decisions.length !== 1) throw new Error(`a decision appended ${decisions.length} AdmissionDecided`);
  return { ...decisions[0], ...session };
}

/** The offer as it stands after the command (a repeated answer finds it as the first left it). */
export function offer({ state }: WriteResult, offerId: string): OfferView {
  const found = state.status === 'DEFINED' ? state.offers.find((o) => o.offerId === offerId) : undefined;
  if (state.status !== 'DEFINED' || found === undefined)
    throw new NotFoundError('offer not found', 'JURY-4', 'offerId');
  const { candidacyId, status, expiresAt } = found;
  return { programmeCode: state.programmeCode, offerId, candidacyId, status, enrolBy: expiresAt };
}

function sessionOf(state: ProgrammeAdmissionsState, sessionId: string): JurySession {
  const session = state.status === 'DEFINED' ? state.sessions.find((s) => s.sessionId === sessionId) : undefined;
  if (session === undefined) throw new NotFoundError('session not found', INPUT);
  return session;
}
