import { ContractRegistry, decisionContracts, DECISION_TYPES } from '@admissions/contracts';
import type { StoredEvent } from '@admissions/event-store';
import { decisionIdOf, toDecision } from './decision-mapper';

const registry = new ContractRegistry(decisionContracts);
const at = '2026-03-15T09:00:00.000Z';

function stored(type: string, data: Record<string, unknown>): StoredEvent {
  return {
    type,
    data,
    metadata: {
      eventId: 'evt-1',
      streamId: 'programme-MS-DATA',
      version: 3,
      occurredAt: at,
      correlationId: 'c-1',
      actor: { id: 'jury-1', roles: ['jury-member'] },
      schemaVersion: 1,
    },
  };
}

const application = { programmeCode: 'MS-DATA', candidateId: 'p1', candidacyId: 'c1' };
const decided = (decision: string, waitingListRank: number | null) =>
  stored('AdmissionDecided', {
    ...application,
    sessionId: 's1',
    decision,
    reason: 'why',
    waitingListRank,
    decidedAt: at,
  });

describe('decision stream mapper (admissions.decisions.v1)', () => {
  it.each([
    [decided('ADMITTED', null), DECISION_TYPES.admitted],
    [decided('WAITLISTED', 2), DECISION_TYPES.waitlisted],
    [decided('REJECTED', null), DECISION_TYPES.rejected],
    [
      stored('OfferMade', { ...application, offerId: 'offer:c1', origin: 'WAITING_LIST', madeAt: at, expiresAt: at }),
      DECISION_TYPES.offerMade,
    ],
    [stored('OfferExpired', { ...application, offerId: 'offer:c1', expiredAt: at }), DECISION_TYPES.offerExpired],
    [stored('OfferDeclined', { ...application, offerId: 'offer:c1', declinedAt: at }), DECISION_TYPES.offerDeclined],
    [stored('CandidateEnrolled', { ...application, offerId: 'offer:c1', enrolledAt: at }), DECISION_TYPES.enrolled],
    [
      stored('ProposalAccepted', {
        referralId: 'R1',
        proposalId: 'P2',
        programmeCode: 'M1-X',
        candidateId: 'p1',
        acceptedAt: at,
      }),
      DECISION_TYPES.referralOutcome,
    ],
    [
      stored('ReferralLapsed', {
        referralId: 'R1',
        candidateId: 'p1',
        releasedProposals: [{ proposalId: 'P1', programmeCode: 'M1-X' }],
        lapsedAt: at,
      }),
      DECISION_TYPES.referralOutcome,
    ],
  ])('JURY-3: %# maps an internal event to a public decision that honours its contract', (event, type) => {
    const decision = toDecision(event);
    expect(decision?.type).toBe(type);
    expect(registry.validate(type, decision?.data)).toBeUndefined();
  });

  it('keeps the inside out: bookkeeping events are not published', () => {
    for (const type of ['CandidateAddedToAgenda', 'SessionClosed', 'ReferralSeatHeld', 'ProposalRecorded']) {
      expect(toDecision(stored(type, {}))).toBeUndefined();
    }
  });

  it('derives the public id from the internal event id, the same on every redelivery', () => {
    expect(decisionIdOf('evt-1')).toBe(decisionIdOf('evt-1'));
    expect(decisionIdOf('evt-1')).not.toBe(decisionIdOf('evt-2'));
  });
});
