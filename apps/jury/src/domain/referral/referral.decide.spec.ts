import {
  Actor,
  deciderSpec,
  foldEvents,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@admissions/domain-kernel';
import type { ApplicationOutcome, FileReferral, ReferralCommand } from './referral.commands';
import { referralDecider as decider } from './referral.decide';
import type { ReferralEvent } from './referral.events';

const spec = deciderSpec(decider);

const CANDIDATE: Actor = { id: 'p1', roles: ['candidate'] };
const OFFICER: Actor = { id: 'officer-1', roles: ['rectorate-officer'] };
const SYSTEM: Actor = { id: 'system', roles: ['system'] };

function cmd<C extends ReferralCommand>(type: C['type'], data: C['data'], now: string, actor: Actor): C {
  return { type, data, metadata: { now: new Date(now), actor } } as C;
}
function history(...commands: ReferralCommand[]): ReferralEvent[] {
  return commands.reduce<ReferralEvent[]>(
    (events, command) => [...events, ...decider.decide(command, foldEvents(decider, events))],
    [],
  );
}
const iso = (text: string) => new Date(text).toISOString();

const rejected = (programmeCode: string, at: string): ApplicationOutcome => ({
  programmeCode,
  outcome: 'REJECTED',
  at,
});
/** The last negative answer: 10 June 2026; 15 days later is 25 June 23:59:59.999 Paris (UTC+2). */
const OUTCOMES = [rejected('M1-INFO', '2026-05-28T12:00:00+02:00'), rejected('M1-MATH', '2026-06-10T15:00:00+02:00')];
const FILED_AT = '2026-06-20T10:00:00+02:00';

const file = (now = FILED_AT, data: Partial<FileReferral['data']> = {}) =>
  cmd(
    'FileReferral',
    {
      referralId: 'R-1',
      candidateId: 'p1',
      outcomes: OUTCOMES,
      transcript: { ref: 'doc-transcript-1', ownerId: 'p1' },
      ...data,
    },
    now,
    CANDIDATE,
  );
const acknowledge = (now = '2026-06-20T10:05:00+02:00') => cmd('AcknowledgeReferral', {}, now, SYSTEM);
const propose = (n: number, now: string, programmeCode = `M1-P${n}`) =>
  cmd('RecordProposal', { proposalId: `P${n}`, programmeCode }, now, OFFICER);
const accept = (n: number, now: string, actor = CANDIDATE) =>
  cmd('AcceptProposal', { proposalId: `P${n}` }, now, actor);
const lapse = (now: string) => cmd('LapseReferral', {}, now, SYSTEM);

const THIRD_AT = '2026-09-15T10:00:00+02:00';
/** 15 September + 15 days: 30 September 23:59:59.999 Paris. */
const ANSWER_DUE = '2026-09-30T21:59:59.999Z';
const proposalCommands = () => [
  file(),
  acknowledge(),
  propose(1, '2026-09-01T10:00:00+02:00'),
  propose(2, '2026-09-08T10:00:00+02:00'),
  propose(3, THIRD_AT),
];
const proposalsMade = () => history(...proposalCommands());
const proposals = [1, 2, 3].map((n) => ({
  proposalId: `P${n}`,
  programmeCode: `M1-P${n}`,
}));

describe('Referral decider', () => {
  describe('filing (REC-1, REC-2, REC-3)', () => {
    it('REC-1: a candidate with only negative answers refers the case; the proposals are due by 31 October of the academic year', () => {
      spec
        .given([])
        .when(file())
        .then([
          {
            type: 'ReferralFiled',
            data: {
              referralId: 'R-1',
              candidateId: 'p1',
              transcriptDocumentRef: 'doc-transcript-1',
              lastNegativeAnswerAt: iso('2026-06-10T15:00:00+02:00'),
              academicYear: '2026-2027',
              proposalsDueBy: '2026-10-31T22:59:59.999Z', // 31 October 23:59:59.999 Paris, winter time
              filedAt: iso(FILED_AT),
            },
          },
          // REC-4: registered in the same commit.
          {
            type: 'ReferralAcknowledged',
            data: { referralId: 'R-1', candidateId: 'p1', acknowledgedAt: iso(FILED_AT) },
          },
        ]);
    });

    it('REC-1: any positive answer (an offer, even declined or expired) refuses the referral', () => {
      for (const outcome of ['ADMITTED', 'ENROLLED', 'OFFER_DECLINED', 'OFFER_EXPIRED'] as const) {
        spec
          .given([])
          .when(
            file(FILED_AT, {
              outcomes: [
                ...OUTCOMES,
                {
                  programmeCode: 'M1-X',
                  outcome,
                  at: '2026-06-01T10:00:00+02:00',
                },
              ],
            }),
          )
          .thenThrows(IllegalStateError, { ruleId: 'REC-1' });
      }
    });

    it('REC-1: a pending or waitlisted application, or no application at all, refuses the referral', () => {
      spec
        .given([])
        .when(
          file(FILED_AT, {
            outcomes: [
              ...OUTCOMES,
              {
                programmeCode: 'M1-X',
                outcome: 'PENDING',
                at: '2026-06-01T10:00:00+02:00',
              },
            ],
          }),
        )
        .thenThrows(IllegalStateError, { ruleId: 'REC-1' });
      spec
        .given([])
        .when(
          file(FILED_AT, {
            outcomes: [
              ...OUTCOMES,
              {
                programmeCode: 'M1-X',
                outcome: 'WAITLISTED',
                at: '2026-06-01T10:00:00+02:00',
              },
            ],
          }),
        )
        .thenThrows(IllegalStateError, { ruleId: 'REC-1' });
      spec
        .given([])
        .when(file(FILED_AT, { outcomes: [] }))
        .thenThrows(IllegalStateError, { ruleId: 'REC-1' });
    });

    it('REC-1: someone else cannot file for the candidate; a second referral is refused, a repeat is ignored', () => {
      spec
        .given([])
        .when(
          cmd(
            'FileReferral',
            {
              referralId: 'R-1',
              candidateId: 'p1',
              outcomes: OUTCOMES,
              transcript: { ref: 'doc', ownerId: 'p1' },
            },
            FILED_AT,
            { id: 'p2', roles: ['candidate'] },
          ),
        )
        .thenThrows(ForbiddenError);
      spec.given(history(file())).when(file('2026-06-21T10:00:00+02:00')).thenNothing();
      spec
        .given(history(file()))
        .when(
          cmd(
            'FileReferral',
            {
              referralId: 'R-2',
              candidateId: 'p1',
              outcomes: OUTCOMES,
              transcript: { ref: 'doc', ownerId: 'p1' },
            },
            FILED_AT,
            CANDIDATE,
          ),
        )
        .thenThrows(IllegalStateError, { ruleId: 'REC-1' });
    });

    it('REC-2: a referral on the 15th day after the last negative answer, at 23:59:58, is accepted', () => {
      expect(
        spec
          .given([])
          .when(file('2026-06-25T23:59:58+02:00'))
          .events()
          .map((e) => e.type),
      ).toEqual(['ReferralFiled', 'ReferralAcknowledged']);
    });

    it('REC-2: a referral on day 16 is refused', () => {
      spec.given([]).when(file('2026-06-26T00:00:01+02:00')).thenThrows(IllegalStateError, { ruleId: 'REC-2' });
    });

    it('REC-3: a referral without the bachelor transcript is refused', () => {
      spec
        .given([])
        .when(file(FILED_AT, { transcript: null }))
        .thenThrows(ValidationError, {
          ruleId: 'REC-3',
          field: 'transcriptDocumentRef',
        });
      spec
        .given([])
        .when(file(FILED_AT, { transcript: { ref: '  ', ownerId: 'p1' } }))
        .thenThrows(ValidationError, { ruleId: 'REC-3' });
    });

    it('REC-3: a transcript reference the storage does not know, or a document of someone else, is refused', () => {
      for (const ownerId of [null, 'p2']) {
        spec
          .given([])
          .when(file(FILED_AT, { transcript: { ref: 'gridfs:0123456789abcdef01234567', ownerId } }))
          .thenThrows(ValidationError, { ruleId: 'REC-3', field: 'transcriptDocumentRef' });
      }
    });

    it('REC-3: the referral keeps the reference of the transcript the candidate uploaded', () => {
      const [filed] = spec
        .given([])
        .when(file(FILED_AT, { transcript: { ref: 'gridfs:0123456789abcdef01234567', ownerId: 'p1' } }))
        .events();
      expect(filed).toMatchObject({
        type: 'ReferralFiled',
        data: { transcriptDocumentRef: 'gridfs:0123456789abcdef01234567' },
      });
      expect(foldEvents(decider, [filed])).toMatchObject({ transcriptDocumentRef: 'gridfs:0123456789abcdef01234567' });
    });
  });

  describe('acknowledgement (REC-4)', () => {
    /** A referral filed before its registration came in the same commit (it came later, through Kafka). */
    const filedUnregistered = () => history(file()).filter((event) => event.type === 'ReferralFiled');

    it('REC-4: the referral is registered as it is filed: a later acknowledgement changes nothing', () => {
      spec.given(history(file())).when(acknowledge()).thenNothing();
    });

    it('REC-4: a referral filed unregistered is acknowledged once (the notification service emails it)', () => {
      spec
        .given(filedUnregistered())
        .when(acknowledge())
        .then([
          {
            type: 'ReferralAcknowledged',
            data: {
              referralId: 'R-1',
              candidateId: 'p1',
              acknowledgedAt: iso('2026-06-20T10:05:00+02:00'),
            },
          },
        ]);
      spec
        .given([...filedUnregistered(), ...spec.given(filedUnregistered()).when(acknowledge()).events()])
        .when(acknowledge('2026-06-21T10:05:00+02:00'))
        .thenNothing();
    });

    it('REC-4: a proposal never waits for the registration: on a referral filed unregistered it registers it first', () => {
      const at = '2026-09-01T10:00:00+02:00';
      expect(
        spec
          .given(filedUnregistered())
          .when(propose(1, at))
          .events()
          .map((e) => [e.type, e.type === 'ReferralAcknowledged' ? e.data.acknowledgedAt : undefined]),
      ).toEqual([
        ['ReferralAcknowledged', iso(at)],
        ['ProposalRecorded', undefined],
      ]);
    });

    it('REC-4: acting on a referral never filed is not found', () => {
      spec.given([]).when(acknowledge()).thenThrows(NotFoundError);
    });
  });

  describe('proposals (REC-5, REC-6)', () => {
    it('REC-5: the third proposal makes the proposals and opens the 15-day answer window', () => {
      spec
        .given(
          history(
            file(),
            acknowledge(),
            propose(1, '2026-09-01T10:00:00+02:00'),
            propose(2, '2026-09-08T10:00:00+02:00'),
          ),
        )
        .when(propose(3, THIRD_AT))
        .then([
          {
            type: 'ProposalRecorded',
            data: {
              referralId: 'R-1',
              proposalId: 'P3',
              programmeCode: 'M1-P3',
              recordedAt: iso(THIRD_AT),
            },
          },
          {
            type: 'ProposalsMade',
            data: {
              referralId: 'R-1',
              candidateId: 'p1',
              proposals,
              proposalsMadeAt: iso(THIRD_AT),
              answerDueAt: ANSWER_DUE,
            },
          },
        ]);
    });

    it('REC-5: a fourth proposal is refused', () => {
      spec
        .given(proposalsMade())
        .when(propose(4, '2026-09-16T10:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-5' });
    });

    it('REC-5: proposals are recorded by a rectorate officer, each on a different programme', () => {
      const given = history(file(), acknowledge(), propose(1, '2026-09-01T10:00:00+02:00'));
      spec
        .given(given)
        .when(propose(2, '2026-09-02T10:00:00+02:00', 'M1-P1'))
        .thenThrows(ValidationError, {
          ruleId: 'REC-5',
          field: 'programmeCode',
        });
      spec
        .given(given)
        .when(
          cmd('RecordProposal', { proposalId: 'P2', programmeCode: 'M1-P2' }, '2026-09-02T10:00:00+02:00', CANDIDATE),
        )
        .thenThrows(ForbiddenError);
      spec.given(given).when(propose(1, '2026-09-02T10:00:00+02:00')).thenNothing();
    });

    it('REC-5: with fewer than three proposals found, completing them opens the answer window', () => {
      const now = '2026-10-10T10:00:00+02:00';
      spec
        .given(
          history(
            file(),
            acknowledge(),
            propose(1, '2026-09-01T10:00:00+02:00'),
            propose(2, '2026-09-08T10:00:00+02:00'),
          ),
        )
        .when(cmd('CompleteProposals', {}, now, OFFICER))
        .then([
          {
            type: 'ProposalsMade',
            data: {
              referralId: 'R-1',
              candidateId: 'p1',
              proposals: proposals.slice(0, 2),
              proposalsMadeAt: iso(now),
              answerDueAt: '2026-10-25T22:59:59.999Z',
            },
          },
        ]);
      spec
        .given(history(file(), acknowledge()))
        .when(cmd('CompleteProposals', {}, now, OFFICER))
        .thenThrows(IllegalStateError, { ruleId: 'REC-5' });
    });

    it('REC-6: a proposal on 31 October at 23:59:59 Paris is accepted', () => {
      expect(
        spec
          .given(history(file(), acknowledge()))
          .when(propose(1, '2026-10-31T23:59:59+01:00'))
          .events()
          .map((e) => e.type),
      ).toEqual(['ProposalRecorded']);
    });

    it('REC-6: a proposal after 31 October is refused', () => {
      spec
        .given(history(file(), acknowledge()))
        .when(propose(1, '2026-11-01T00:00:00+01:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-6' });
    });
  });

  describe('answer (REC-7)', () => {
    it('REC-7: accepting one proposal declines the two others, whose seats are released', () => {
      const now = '2026-09-20T10:00:00+02:00';
      spec
        .given(proposalsMade())
        .when(accept(2, now))
        .then([
          {
            type: 'ProposalAccepted',
            data: {
              proposalId: 'P2',
              programmeCode: 'M1-P2',
              referralId: 'R-1',
              candidateId: 'p1',
              acceptedAt: iso(now),
            },
          },
          {
            type: 'ProposalDeclined',
            data: {
              proposalId: 'P1',
              programmeCode: 'M1-P1',
              referralId: 'R-1',
              declinedAt: iso(now),
            },
          },
          {
            type: 'ProposalDeclined',
            data: {
              proposalId: 'P3',
              programmeCode: 'M1-P3',
              referralId: 'R-1',
              declinedAt: iso(now),
            },
          },
        ]);
    });

    it('REC-7: accepting a second proposal is refused (a repeat of the first is ignored)', () => {
      const accepted = history(...proposalCommands(), accept(2, '2026-09-20T10:00:00+02:00'));
      spec
        .given(accepted)
        .when(accept(1, '2026-09-21T10:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-7' });
      spec.given(accepted).when(accept(2, '2026-09-21T10:00:00+02:00')).thenNothing();
    });

    it('REC-7: only the candidate answers; the proposals must have been made', () => {
      spec
        .given(proposalsMade())
        .when(accept(1, '2026-09-20T10:00:00+02:00', OFFICER))
        .thenThrows(NotFoundError);
      spec
        .given(history(file(), acknowledge(), propose(1, '2026-09-01T10:00:00+02:00')))
        .when(accept(1, '2026-09-20T10:00:00+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-7' });
    });

    it('REC-7: an answer on the 15th day at 23:59:58 is taken; at 00:00:01 the next day it is refused', () => {
      expect(spec.given(proposalsMade()).when(accept(1, '2026-09-30T23:59:58+02:00')).events()[0]?.type).toBe(
        'ProposalAccepted',
      );
      spec
        .given(proposalsMade())
        .when(accept(1, '2026-10-01T00:00:01+02:00'))
        .thenThrows(IllegalStateError, { ruleId: 'REC-7' });
    });

    it('REC-7: without an answer in 15 days the referral lapses and releases every seat', () => {
      const now = '2026-10-01T00:00:01+02:00';
      spec
        .given(proposalsMade())
        .when(lapse(now))
        .then([
          {
            type: 'ReferralLapsed',
            data: {
              referralId: 'R-1',
              candidateId: 'p1',
              releasedProposals: proposals,
              lapsedAt: iso(now),
            },
          },
        ]);
    });

    it('REC-7: the lapse job is ignored before the deadline, after an answer, or once lapsed', () => {
      spec.given(proposalsMade()).when(lapse('2026-09-30T23:59:59.999+02:00')).thenNothing();
      const accepted = history(...proposalCommands(), accept(1, '2026-09-20T10:00:00+02:00'));
      spec.given(accepted).when(lapse('2026-10-02T10:00:00+02:00')).thenNothing();
      const lapsed = history(...proposalCommands(), lapse('2026-10-01T08:00:00+02:00'));
      expect(lapsed.slice(-1)[0]?.type).toBe('ReferralLapsed');
      spec.given(lapsed).when(lapse('2026-10-02T08:00:00+02:00')).thenNothing();
    });
  });
});
