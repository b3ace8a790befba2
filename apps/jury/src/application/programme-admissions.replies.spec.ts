import { foldEvents } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import { programmeAdmissionsDecider, type ProgrammeAdmissionsEvent } from '../domain';
import { decision, offer, sessionDecisions } from './programme-admissions.replies';

const at = '2026-03-10T13:00:00.000Z';
const enrolBy = '2026-03-20T22:59:59.999Z';
const programmeCode = 'MS-DATA';
const opinion = { opinion: 'FAVOURABLE', motivation: 'fits' } as const;
const candidate = (id: string) => ({ programmeCode, candidateId: id, candidacyId: `cy-${id}` });

const history: ProgrammeAdmissionsEvent[] = [
  { type: 'ProgrammeDefined', data: { programmeCode, places: 2, definedAt: at } },
  {
    type: 'JurySessionScheduled',
    data: { programmeCode, sessionId: 's1', month: '2026-03', sitsAt: at, scheduledAt: at },
  },
  ...['a', 'b'].map((id, rank): ProgrammeAdmissionsEvent => ({
    type: 'CandidateAddedToAgenda',
    data: { ...candidate(id), submissionRank: rank + 1, leadOpinion: opinion, sessionId: 's1', addedAt: at },
  })),
];
const decided = (id: string, outcome: 'ADMITTED' | 'WAITLISTED', rank: number | null): ProgrammeAdmissionsEvent => ({
  type: 'AdmissionDecided',
  data: { ...candidate(id), sessionId: 's1', decision: outcome, reason: 'why', waitingListRank: rank, decidedAt: at },
});
const offered = (id: string, origin: 'ADMISSION' | 'WAITING_LIST'): ProgrammeAdmissionsEvent => ({
  type: 'OfferMade',
  data: { ...candidate(id), offerId: `offer:cy-${id}`, origin, madeAt: at, expiresAt: enrolBy },
});

/** The write result of a command that appended `appended` after `history`. */
function written(appended: ProgrammeAdmissionsEvent[]) {
  const events = appended.map((event, index): StoredEvent => ({
    ...event,
    metadata: {
      eventId: `evt-${index}`,
      streamId: `programme-${programmeCode}`,
      version: history.length + index + 1,
      occurredAt: at,
      correlationId: 'c-1',
      actor: { id: 'jury-1', roles: ['jury-member'] },
      schemaVersion: 1,
    },
  }));
  return { events, state: foldEvents(programmeAdmissionsDecider, [...history, ...appended]) };
}

describe("the programme's write replies (no event leaves over HTTP)", () => {
  it('JURY-2/JURY-4: each decision with its decisionId and, when admitted, its offer; the session closed', () => {
    const result = written([
      // A waitlisted candidate of an earlier session offered a seat by the sweep: not this request's.
      offered('w', 'WAITING_LIST'),
      decided('a', 'ADMITTED', null),
      offered('a', 'ADMISSION'),
      decided('b', 'WAITLISTED', 1),
      { type: 'SessionClosed', data: { programmeCode, sessionId: 's1', closedAt: at } },
    ]);
    expect(sessionDecisions(result, 's1')).toEqual({
      sessionId: 's1',
      sessionStatus: 'CLOSED',
      decisions: [
        {
          decisionId: 'decision-evt-1',
          candidateId: 'a',
          candidacyId: 'cy-a',
          outcome: 'ADMITTED',
          reason: 'why',
          waitingListRank: null,
          decidedAt: at,
          offer: { offerId: 'offer:cy-a', enrolBy },
        },
        expect.objectContaining({
          decisionId: 'decision-evt-3',
          outcome: 'WAITLISTED',
          waitingListRank: 1,
          offer: null,
        }),
      ],
    });
  });

  it('JURY-2: one decision answers it flat, with the session still open while others wait', () => {
    const result = written([decided('a', 'ADMITTED', null), offered('a', 'ADMISSION')]);
    expect(decision(result, 's1')).toMatchObject({
      decisionId: 'decision-evt-0',
      sessionId: 's1',
      sessionStatus: 'OPEN',
      offer: { offerId: 'offer:cy-a', enrolBy },
    });
  });

  it("JURY-4: an answered offer is the candidate's own, as the state holds it (also for a repeat that appended nothing)", () => {
    const enrolled = written([
      decided('a', 'ADMITTED', null),
      offered('a', 'ADMISSION'),
      { type: 'CandidateEnrolled', data: { ...candidate('a'), offerId: 'offer:cy-a', enrolledAt: at } },
    ]);
    const repeat = { events: [], state: enrolled.state };
    const expected = { programmeCode, offerId: 'offer:cy-a', candidacyId: 'cy-a', status: 'ENROLLED', enrolBy };
    expect(offer(enrolled, 'offer:cy-a')).toEqual(expected);
    expect(offer(repeat, 'offer:cy-a')).toEqual(expected);
  });
});
