import { DECISION_TYPES, type DecisionType } from '@admissions/contracts';
import type { StoredEvent } from '@admissions/event-store';
import { assertNever } from '@admissions/domain-kernel';
import type {
  AdmissionDecided,
  CandidateEnrolled,
  OfferDeclined,
  OfferExpired,
  OfferMade,
  ProposalAccepted,
  ReferralLapsed,
} from '../domain';

/** An integration event of `admissions.decisions.v1`, before its envelope. */
export interface DecisionMessage {
  readonly type: DecisionType;
  readonly data: Record<string, unknown>;
}

/** The internal events that make the public decision stream. */
export const DECISION_SOURCES = [
  'AdmissionDecided',
  'OfferMade',
  'OfferExpired',
  'OfferDeclined',
  'CandidateEnrolled',
  'ProposalAccepted',
  'ReferralLapsed',
] as const;

type Source =
  AdmissionDecided | OfferMade | OfferExpired | OfferDeclined | CandidateEnrolled | ProposalAccepted | ReferralLapsed;

function isSource(event: StoredEvent): event is StoredEvent<Source> {
  return (DECISION_SOURCES as readonly string[]).includes(event.type);
}

/**
 * Internal jury event → public decision (or nothing). The public shapes are the contracts of
 * `decisionContracts`: they name the application (candidate, candidacy, programme) and what
 * happened, never the aggregate's inner bookkeeping.
 */
export function toDecision(event: StoredEvent): DecisionMessage | undefined {
  if (!isSource(event)) return undefined;
  const source = { type: event.type, data: event.data } as Source;
  switch (source.type) {
    case 'AdmissionDecided': {
      const { candidateId, candidacyId, programmeCode, sessionId, reason, decidedAt, decision } = source.data;
      const decided = { candidateId, candidacyId, programmeCode, sessionId, reason, decidedAt };
      if (decision === 'ADMITTED') return { type: DECISION_TYPES.admitted, data: decided };
      if (decision === 'REJECTED') return { type: DECISION_TYPES.rejected, data: decided };
      return { type: DECISION_TYPES.waitlisted, data: { ...decided, waitingListRank: source.data.waitingListRank } };
    }
    case 'OfferMade': {
      const { candidateId, candidacyId, programmeCode, offerId, origin, madeAt, expiresAt } = source.data;
      return {
        type: DECISION_TYPES.offerMade,
        data: { candidateId, candidacyId, programmeCode, offerId, origin, madeAt, enrolBy: expiresAt },
      };
    }
    case 'OfferExpired':
      return { type: DECISION_TYPES.offerExpired, data: { ...source.data } };
    case 'OfferDeclined':
      return { type: DECISION_TYPES.offerDeclined, data: { ...source.data } };
    case 'CandidateEnrolled':
      return { type: DECISION_TYPES.enrolled, data: { ...source.data } };
    case 'ProposalAccepted': {
      const { referralId, candidateId, programmeCode, acceptedAt } = source.data;
      return {
        type: DECISION_TYPES.referralOutcome,
        data: { referralId, candidateId, outcome: 'ACCEPTED', programmeCode, proposalCount: 1, decidedAt: acceptedAt },
      };
    }
    case 'ReferralLapsed': {
      const { referralId, candidateId, releasedProposals, lapsedAt } = source.data;
      return {
        type: DECISION_TYPES.referralOutcome,
        data: {
          referralId,
          candidateId,
          outcome: 'LAPSED',
          proposalCount: releasedProposals.length,
          decidedAt: lapsedAt,
        },
      };
    }
    default:
      return assertNever(source);
  }
}

/** The public id of the decision made from an internal event: the same on every redelivery. */
export function decisionIdOf(sourceEventId: string): string {
  return `decision-${sourceEventId}`;
}
