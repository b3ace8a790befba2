import {
  Actor,
  deciderSpec,
  foldEvents,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@admissions/domain-kernel';
import type { DecisionInput, ProgrammeAdmissionsCommand } from './programme-admissions.commands';
import { programmeAdmissionsDecider as decider } from './programme-admissions.decide';
import type { ProgrammeAdmissionsEvent } from './programme-admissions.events';
import { seatsTaken, waitingListRank } from './programme-admissions.state';

const spec = deciderSpec(decider);

const SYSTEM: Actor = { id: 'system', roles: ['system'] };
const JURY: Actor = { id: 'jury-1', roles: ['jury-member'] };
const candidate = (id: string): Actor => ({ id, roles: ['candidate'] });

type Cmd = ProgrammeAdmissionsCommand;
function cmd<C extends Cmd>(type: C['type'], data: C['data'], now: string, actor: Actor = SYSTEM): C {
  return { type, data, metadata: { now: new Date(now), actor } } as C;
}

/** Runs commands one after the other, as the application would, and answers every event. */
function history(...commands: Cmd[]): ProgrammeAdmissionsEvent[] {
  return commands.reduce<ProgrammeAdmissionsEvent[]>(
    (events, command) => [...events, ...decider.decide(command, foldEvents(decider, events))],
    [],
  );
}
const stateOf = (events: readonly ProgrammeAdmissionsEvent[]) => foldEvents(decider, events);
function taken(events: readonly ProgrammeAdmissionsEvent[]): number {
  const state = stateOf(events);
  if (state.status !== 'DEFINED') throw new Error('programme not defined');
  return seatsTaken(state);
}

const LEAD_OPINION = {
  opinion: 'FAVOURABLE' as const,
  motivation: 'Strong file, clear professional project.',
};

const define = (places: number) =>
  cmd('DefineProgramme', { programmeCode: 'MS-DATA', places }, '2026-01-05T09:00:00+01:00');
const addToAgenda = (n: number, now = '2026-02-01T09:00:00+01:00') =>
  cmd(
    'AddToAgenda',
    {
      candidateId: `p${n}`,
      candidacyId: `c${n}`,
      submissionRank: n,
      leadOpinion: LEAD_OPINION,
    },
    now,
  );
const schedule = (sessionId: string, at: string, now = '2026-01-10T09:00:00+01:00') =>
  cmd('ScheduleSession', { sessionId, at }, now, JURY);

const MARCH = '2026-03-15T10:00:00+01:00';
const DECIDED_AT = '2026-03-15T14:00:00+01:00';
/** 15 March + 10 days: 25 March 23:59:59.999 Paris (winter time, UTC+1). */
const MARCH_OFFER_ENDS = '2026-03-25T22:59:59.999Z';

const decide = (n: number, decision: DecisionInput['decision'], now = DECIDED_AT) =>
  cmd(
    'RecordDecision',
    {
      sessionId: 'S-03',
      candidateId: `p${n}`,
      decision,
      reason: `${decision.toLowerCase()} by the jury`,
    },
    now,
    JURY,
  );
const enrol = (n: number, now: string, actor = candidate(`p${n}`)) =>
  cmd('Enrol', { offerId: `offer:c${n}` }, now, actor);
const decline = (n: number, now: string) => cmd('DeclineOffer', { offerId: `offer:c${n}` }, now, candidate(`p${n}`));
const expire = (n: number, now: string) => cmd('ExpireOffer', { offerId: `offer:c${n}` }, now);

/** A March session with candidates 1..count on its agenda. */
function marchSession(places: number, count: number): Cmd[] {
  return [define(places), schedule('S-03', MARCH), ...Array.from({ length: count }, (_, i) => addToAgenda(i + 1))];
}

const offerMade = (
  n: number,
  madeAt: string,
  expiresAt: string,
  origin: 'ADMISSION' | 'WAITING_LIST',
): ProgrammeAdmissionsEvent => ({
  type: 'OfferMade',
  data: {
    programmeCode: 'MS-DATA',
    offerId: `offer:c${n}`,
    candidateId: `p${n}`,
    candidacyId: `c${n}`,
    origin,
    madeAt,
    expiresAt,
  },
});
const iso = (text: string) => new Date(text).toISOString();

describe('Programme admissions decider', () => {
  describe('sessions (JURY-1)', () => {
    it('JURY-1: a March session is scheduled and the candidates waiting for a session join it in submission order', () => {
      spec
        .given(
          history(define(5), addToAgenda(2, '2026-01-06T09:00:00+01:00'), addToAgenda(1, '2026-01-07T09:00:00+01:00')),
        )
        .when(schedule('S-03', MARCH))
        .then([
          {
            type: 'JurySessionScheduled',
            data: {
              programmeCode: 'MS-DATA',
              sessionId: 'S-03',
              month: '2026-03',
              sitsAt: iso(MARCH),
              scheduledAt: iso('2026-01-10T09:00:00+01:00'),
            },
          },
          ...[1, 2].map((n): ProgrammeAdmissionsEvent => ({
            type: 'CandidateAddedToAgenda',
            data: {
              programmeCode: 'MS-DATA',
              candidateId: `p${n}`,
              candidacyId: `c${n}`,
              submissionRank: n,
              leadOpinion: LEAD_OPINION,
              sessionId: 'S-03',
              addedAt: iso('2026-01-10T09:00:00+01:00'),
            },
          })),
        ]);
    });

    it('JURY-1: an August session is refused (no jury from August to December)', () => {
      spec
        .given(history(define(5)))
        .when(schedule('S-08', '2026-08-10T10:00:00+02:00'))
        .thenThrows(ValidationError, { ruleId: 'JURY-1' });
      spec
        .given(history(define(5)))
        .when(schedule('S-12', '2026-12-01T10:00:00+01:00'))
        .thenThrows(ValidationError, { ruleId: 'JURY-1' });
    });

    it('JURY-1: the Paris calendar decides the month (31 July 22:30 UTC is already August in Paris)', () => {
      spec
        .given(history(define(5)))
        .when(schedule('S-08', '2026-07-31T22:30:00Z'))
        .thenThrows(ValidationError, { ruleId: 'JURY-1' });
      expect(
        spec
          .given(history(define(5)))
          .when(schedule('S-07', '2026-07-31T21:30:00Z'))
          .events()[0],
      ).toMatchObject({ data: { month: '2026-07' } });
    });

    it('JURY-1: a second session of the programme in the same month is refused', () => {
      spec
        .given(history(define(5), schedule('S-03', MARCH)))
        .when(schedule('S-03b', '2026-03-28T10:00:00+01:00'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-1' });
      spec
        .given(history(define(5), schedule('S-03', MARCH)))
        .when(schedule('S-03', MARCH))
        .thenNothing();
    });

    it('JURY-1: only the jury schedules sessions, in the future', () => {
      spec
        .given(history(define(5)))
        .when(cmd('ScheduleSession', { sessionId: 'S-03', at: MARCH }, '2026-01-10T09:00:00+01:00', candidate('p1')))
        .thenThrows(ForbiddenError);
      spec
        .given(history(define(5)))
        .when(schedule('S-03', MARCH, '2026-03-16T09:00:00+01:00'))
        .thenThrows(ValidationError, { field: 'at' });
    });
  });

  describe('agenda and decisions (JURY-2, JURY-3)', () => {
    it('JURY-2: an admissible candidate with the lead opinion joins the next open session; a duplicate changes nothing', () => {
      const given = history(define(5), schedule('S-04', '2026-04-12T10:00:00+02:00'), schedule('S-03', MARCH));
      expect(spec.given(given).when(addToAgenda(1)).events()).toEqual([
        {
          type: 'CandidateAddedToAgenda',
          data: {
            programmeCode: 'MS-DATA',
            candidateId: 'p1',
            candidacyId: 'c1',
            submissionRank: 1,
            leadOpinion: LEAD_OPINION,
            sessionId: 'S-03',
            addedAt: iso('2026-02-01T09:00:00+01:00'),
          },
        },
      ]);
      spec
        .given(history(define(5), schedule('S-03', MARCH), addToAgenda(1)))
        .when(addToAgenda(1, '2026-02-02T09:00:00+01:00'))
        .thenNothing();
      // after the March session sat, a newly admissible candidate goes to April's
      expect(spec.given(given).when(addToAgenda(1, '2026-03-20T09:00:00+01:00')).events()[0]).toMatchObject({
        data: { sessionId: 'S-04' },
      });
    });

    it('JURY-2: with no session scheduled, the candidate waits for the next one', () => {
      expect(
        spec
          .given(history(define(5)))
          .when(addToAgenda(1))
          .events()
          .map((e) => e.type),
      ).toEqual(['CandidateAwaitingSession']);
    });

    it('JURY-2 / CAND-3: candidates waiting for a session stay in submission order, whatever order they arrive in', () => {
      const waiting = stateOf(history(define(5), addToAgenda(3), addToAgenda(1), addToAgenda(2)));
      expect(waiting.status === 'DEFINED' ? waiting.awaitingSession.map((e) => e.candidateId) : []).toEqual([
        'p1',
        'p2',
        'p3',
      ]);
    });

    it('JURY-2: a decision needs a reason and one of ADMITTED, WAITLISTED, REJECTED', () => {
      const given = history(...marchSession(5, 1));
      spec
        .given(given)
        .when(
          cmd(
            'RecordDecision',
            {
              sessionId: 'S-03',
              candidateId: 'p1',
              decision: 'ADMITTED',
              reason: '  ',
            },
            DECIDED_AT,
            JURY,
          ),
        )
        .thenThrows(ValidationError, { ruleId: 'JURY-2', field: 'reason' });
      spec
        .given(given)
        .when(
          cmd(
            'RecordDecision',
            {
              sessionId: 'S-03',
              candidateId: 'p1',
              decision: 'MAYBE' as DecisionInput['decision'],
              reason: 'x',
            },
            DECIDED_AT,
            JURY,
          ),
        )
        .thenThrows(ValidationError, { ruleId: 'JURY-2', field: 'decision' });
    });

    it('JURY-2: a candidate not on the agenda, already decided, or before the session sits is refused', () => {
      const given = history(...marchSession(5, 2));
      spec.given(given).when(decide(9, 'ADMITTED')).thenThrows(IllegalStateError, { ruleId: 'JURY-2' });
      spec
        .given(history(...marchSession(5, 2), decide(1, 'REJECTED')))
        .when(decide(1, 'ADMITTED'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-2' });
      spec
        .given(given)
        .when(decide(1, 'ADMITTED', '2026-03-15T09:59:59+01:00'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-2' });
      spec
        .given(given)
        .when(
          cmd(
            'RecordDecision',
            {
              sessionId: 'S-03',
              candidateId: 'p1',
              decision: 'ADMITTED',
              reason: 'ok',
            },
            DECIDED_AT,
            candidate('p1'),
          ),
        )
        .thenThrows(ForbiddenError);
    });

    it('JURY-2: a batch decides the whole session at once, and the session closes when all its candidates are decided', () => {
      const batch = cmd(
        'RecordDecisions',
        {
          sessionId: 'S-03',
          decisions: [
            { candidateId: 'p1', decision: 'ADMITTED', reason: 'excellent' },
            { candidateId: 'p2', decision: 'WAITLISTED', reason: 'good' },
            { candidateId: 'p3', decision: 'REJECTED', reason: 'weak project' },
          ],
        },
        DECIDED_AT,
        JURY,
      );
      expect(
        spec
          .given(history(...marchSession(1, 3)))
          .when(batch)
          .events()
          .map((e) => e.type),
      ).toEqual(['AdmissionDecided', 'OfferMade', 'AdmissionDecided', 'AdmissionDecided', 'SessionClosed']);
    });

    it('JURY-2: a batch is all or nothing: one admission beyond the seats, or a missing candidate, refuses it whole', () => {
      const batch = (decisions: DecisionInput[]) =>
        cmd('RecordDecisions', { sessionId: 'S-03', decisions }, DECIDED_AT, JURY);
      spec
        .given(history(...marchSession(1, 2)))
        .when(
          batch([
            { candidateId: 'p1', decision: 'ADMITTED', reason: 'a' },
            { candidateId: 'p2', decision: 'ADMITTED', reason: 'b' },
          ]),
        )
        .thenThrows(IllegalStateError, { ruleId: 'JURY-5' });
      spec
        .given(history(...marchSession(1, 2)))
        .when(batch([{ candidateId: 'p1', decision: 'ADMITTED', reason: 'a' }]))
        .thenThrows(ValidationError, { ruleId: 'JURY-2' });
    });

    it('JURY-3: every decision is an AdmissionDecided event with the candidate, decision, reason and waiting-list rank, for the email and the candidate space', () => {
      spec
        .given(history(...marchSession(5, 3), decide(1, 'WAITLISTED')))
        .when(decide(2, 'WAITLISTED'))
        .then([
          {
            type: 'AdmissionDecided',
            data: {
              programmeCode: 'MS-DATA',
              sessionId: 'S-03',
              candidateId: 'p2',
              candidacyId: 'c2',
              decision: 'WAITLISTED',
              reason: 'waitlisted by the jury',
              waitingListRank: 2,
              decidedAt: iso(DECIDED_AT),
            },
          },
        ]);
      const rejected = spec
        .given(history(...marchSession(5, 1)))
        .when(decide(1, 'REJECTED'))
        .events();
      expect(rejected[0]).toMatchObject({
        type: 'AdmissionDecided',
        data: {
          candidateId: 'p1',
          decision: 'REJECTED',
          reason: 'rejected by the jury',
          waitingListRank: null,
        },
      });
    });
  });

  describe('offers and enrolment (JURY-4)', () => {
    const admitted = () => history(...marchSession(5, 1), decide(1, 'ADMITTED'));

    it('JURY-4: admission makes an offer holding a seat until 23:59:59.999 Paris on day D+10', () => {
      spec
        .given(history(...marchSession(5, 2)))
        .when(decide(1, 'ADMITTED'))
        .then([
          {
            type: 'AdmissionDecided',
            data: {
              programmeCode: 'MS-DATA',
              sessionId: 'S-03',
              candidateId: 'p1',
              candidacyId: 'c1',
              decision: 'ADMITTED',
              reason: 'admitted by the jury',
              waitingListRank: null,
              decidedAt: iso(DECIDED_AT),
            },
          },
          offerMade(1, iso(DECIDED_AT), MARCH_OFFER_ENDS, 'ADMISSION'),
        ]);
    });

    it('JURY-4: enrolment at 23:59:58 on the last day succeeds', () => {
      spec
        .given(admitted())
        .when(enrol(1, '2026-03-25T23:59:58+01:00'))
        .then([
          {
            type: 'CandidateEnrolled',
            data: {
              programmeCode: 'MS-DATA',
              offerId: 'offer:c1',
              candidateId: 'p1',
              candidacyId: 'c1',
              enrolledAt: iso('2026-03-25T23:59:58+01:00'),
            },
          },
        ]);
    });

    it('JURY-4: enrolment at 00:00:01 the next day is refused', () => {
      spec
        .given(admitted())
        .when(enrol(1, '2026-03-26T00:00:01+01:00'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-4' });
    });

    it("JURY-4: someone else's offer is not found", () => {
      spec
        .given(admitted())
        .when(enrol(1, '2026-03-20T10:00:00+01:00', candidate('p2')))
        .thenThrows(NotFoundError, { ruleId: 'JURY-4', field: 'offerId' });
      spec
        .given(admitted())
        .when(cmd('Enrol', { offerId: 'offer:nope' }, '2026-03-20T10:00:00+01:00', candidate('p1')))
        .thenThrows(NotFoundError);
    });

    it('JURY-4: the expiry job is ignored while the window is open, and after enrolment', () => {
      spec.given(admitted()).when(expire(1, '2026-03-25T23:59:59.999+01:00')).thenNothing();
      spec
        .given(history(...marchSession(5, 1), decide(1, 'ADMITTED'), enrol(1, '2026-03-20T10:00:00+01:00')))
        .when(expire(1, '2026-03-26T00:00:05+01:00'))
        .thenNothing();
    });

    it('JURY-4: the expiry job after the window expires the offer; a repeat is ignored', () => {
      const expiry = history(...marchSession(5, 1), decide(1, 'ADMITTED'), expire(1, '2026-03-26T00:00:05+01:00'));
      expect(expiry.slice(-1)).toEqual([
        {
          type: 'OfferExpired',
          data: {
            programmeCode: 'MS-DATA',
            offerId: 'offer:c1',
            candidateId: 'p1',
            candidacyId: 'c1',
            expiredAt: iso('2026-03-26T00:00:05+01:00'),
          },
        },
      ]);
      spec.given(expiry).when(expire(1, '2026-03-27T00:00:00+01:00')).thenNothing();
    });

    it('JURY-4: a deadline whose job was lost is enforced by the next command that touches the programme', () => {
      const given = history(...marchSession(1, 2), decide(1, 'ADMITTED'), decide(2, 'WAITLISTED'));
      const now = '2026-04-02T09:00:00+02:00';
      spec
        .given(given)
        .when(addToAgenda(3, now))
        .then([
          {
            type: 'OfferExpired',
            data: {
              programmeCode: 'MS-DATA',
              offerId: 'offer:c1',
              candidateId: 'p1',
              candidacyId: 'c1',
              expiredAt: iso(now),
            },
          },
          offerMade(2, iso(now), '2026-04-12T21:59:59.999Z', 'WAITING_LIST'),
          {
            type: 'CandidateAwaitingSession',
            data: {
              programmeCode: 'MS-DATA',
              candidateId: 'p3',
              candidacyId: 'c3',
              submissionRank: 3,
              leadOpinion: LEAD_OPINION,
              queuedAt: iso(now),
            },
          },
        ]);
    });
  });

  describe('seats (JURY-5)', () => {
    it('JURY-5: admitting with no free seat is refused; the jury waitlists instead', () => {
      const given = history(...marchSession(1, 2), decide(1, 'ADMITTED'));
      spec.given(given).when(decide(2, 'ADMITTED')).thenThrows(IllegalStateError, { ruleId: 'JURY-5' });
      expect(
        spec
          .given(given)
          .when(decide(2, 'WAITLISTED'))
          .events()
          .map((e) => e.type),
      ).toEqual(['AdmissionDecided', 'SessionClosed']);
    });

    it('JURY-5: a released seat goes to the first waitlisted candidate, with a new 10-day window', () => {
      const given = history(
        ...marchSession(1, 3),
        decide(1, 'ADMITTED'),
        decide(2, 'WAITLISTED'),
        decide(3, 'WAITLISTED'),
      );
      expect(waitingListRank(stateOf(given), 'p2')).toBe(1);
      expect(waitingListRank(stateOf(given), 'p3')).toBe(2);
      const declinedAt = '2026-03-20T10:00:00+01:00';
      const events = spec.given(given).when(decline(1, declinedAt)).events();
      expect(events).toEqual([
        {
          type: 'OfferDeclined',
          data: {
            programmeCode: 'MS-DATA',
            offerId: 'offer:c1',
            candidateId: 'p1',
            candidacyId: 'c1',
            declinedAt: iso(declinedAt),
          },
        },
        // 20 March + 10 days = 30 March, after the change to summer time (UTC+2)
        offerMade(2, iso(declinedAt), '2026-03-30T21:59:59.999Z', 'WAITING_LIST'),
      ]);
      const after = stateOf([...given, ...events]);
      expect(waitingListRank(after, 'p2')).toBeNull();
      expect(waitingListRank(after, 'p3')).toBe(1);
    });

    it('JURY-5: 5 places are never exceeded across a sequence of admits, declines, expiries and referral seats', () => {
      const steps: Cmd[] = [
        ...marchSession(5, 8),
        ...[1, 2, 3, 4, 5].map((n) => decide(n, 'ADMITTED')),
        ...[6, 7, 8].map((n) => decide(n, 'WAITLISTED')),
        decline(2, '2026-03-20T10:00:00+01:00'), // p6 promoted
        enrol(3, '2026-03-21T10:00:00+01:00'),
        expire(1, '2026-03-26T08:00:00+01:00'), // p1, p4, p5 expire; p7, p8 promoted
        cmd('HoldReferralSeat', { referralId: 'R-1' }, '2026-03-27T08:00:00+01:00'),
        expire(6, '2026-03-31T08:00:00+02:00'), // p6 expires, nobody left to promote
        cmd('HoldReferralSeat', { referralId: 'R-2' }, '2026-04-01T08:00:00+02:00'),
      ];
      let events: ProgrammeAdmissionsEvent[] = [];
      for (const step of steps) {
        events = [...events, ...decider.decide(step, stateOf(events))];
        expect(taken(events)).toBeLessThanOrEqual(5);
      }
      const held = (type: string) =>
        events.filter((e) => e.type === type).map((e) => (e.data as { candidateId?: string }).candidateId);
      expect(held('OfferMade')).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
      expect(held('OfferExpired')).toEqual(['p1', 'p4', 'p5', 'p6']);
      expect(taken(events)).toBe(5); // p3 enrolled, p7, p8 held, R-1, R-2
      spec
        .given(events)
        .when(decide(6, 'ADMITTED', '2026-04-01T09:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-2' });
      spec
        .given(events)
        .when(cmd('HoldReferralSeat', { referralId: 'R-3' }, '2026-04-01T09:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-5' });
      spec
        .given(events)
        .when(cmd('ChangePlaces', { places: 4 }, '2026-04-01T09:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'JURY-5' });
    });

    it('JURY-5: added places are offered to the waiting list, one per new place', () => {
      const given = history(
        ...marchSession(1, 4),
        decide(1, 'ADMITTED'),
        ...[2, 3, 4].map((n) => decide(n, 'WAITLISTED')),
      );
      const now = '2026-03-16T09:00:00+01:00';
      expect(
        spec
          .given(given)
          .when(cmd('ChangePlaces', { places: 3 }, now))
          .events(),
      ).toEqual([
        {
          type: 'PlacesChanged',
          data: {
            programmeCode: 'MS-DATA',
            places: 3,
            previousPlaces: 1,
            changedAt: iso(now),
          },
        },
        offerMade(2, iso(now), '2026-03-26T22:59:59.999Z', 'WAITING_LIST'),
        offerMade(3, iso(now), '2026-03-26T22:59:59.999Z', 'WAITING_LIST'),
      ]);
    });

    it('JURY-5 / REC-5: a released referral seat goes to the first waitlisted candidate', () => {
      const given = history(
        ...marchSession(2, 2),
        cmd('HoldReferralSeat', { referralId: 'R-1' }, '2026-03-01T09:00:00+01:00'),
        decide(1, 'ADMITTED'),
        decide(2, 'WAITLISTED'),
      );
      const now = '2026-03-17T09:00:00+01:00';
      spec
        .given(given)
        .when(cmd('ReleaseReferralSeat', { referralId: 'R-1' }, now))
        .then([
          {
            type: 'ReferralSeatReleased',
            data: {
              programmeCode: 'MS-DATA',
              referralId: 'R-1',
              releasedAt: iso(now),
            },
          },
          offerMade(2, iso(now), '2026-03-27T22:59:59.999Z', 'WAITING_LIST'),
        ]);
      spec
        .given(given)
        .when(cmd('ReleaseReferralSeat', { referralId: 'R-9' }, now))
        .thenNothing();
      spec
        .given(given)
        .when(cmd('HoldReferralSeat', { referralId: 'R-1' }, now))
        .thenNothing();
    });
  });

  it('a command on a programme not defined yet is not found', () => {
    spec.given([]).when(addToAgenda(1)).thenThrows(NotFoundError);
    spec
      .given(history(define(5)))
      .when(define(7))
      .thenNothing();
  });
});
