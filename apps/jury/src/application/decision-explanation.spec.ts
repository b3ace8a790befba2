import { foldEvents, type Actor } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import {
  freeSeats,
  programmeAdmissionsDecider,
  type AdmissionFileEvent,
  type ProgrammeAdmissionsCommand,
  type ProgrammeAdmissionsEvent,
} from '../domain';
import { explainDecision, type DecisionHistory } from './decision-explanation';

const JURY: Actor = { id: 'jury-1', roles: ['jury-member'] };
const SYSTEM: Actor = { id: 'system:jury', roles: ['admin'] };
const opinion = { opinion: 'FAVOURABLE' as const, motivation: 'Conclusive interview, coherent professional project' };

/** Stores events as the event store would: ids e<stream>-<version>, the causation when given. */
function stored<E extends { type: string; data: unknown }>(
  stream: string,
  events: E[],
  causations: (string | undefined)[] = [],
) {
  return events.map((event, index): StoredEvent => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `${stream}-${index + 1}`,
      streamId: stream,
      version: index + 1,
      occurredAt: '2026-03-10T09:00:00.000Z',
      correlationId: 'c',
      ...(causations[index] === undefined ? {} : { causationId: causations[index] }),
      actor: SYSTEM,
      schemaVersion: 1,
    },
  }));
}

/** Runs programme commands through the real decider, as the application would. */
function programme(
  ...commands: [ProgrammeAdmissionsCommand['type'], unknown, string, Actor?][]
): ProgrammeAdmissionsEvent[] {
  return commands.reduce<ProgrammeAdmissionsEvent[]>((events, [type, data, now, actor = SYSTEM]) => {
    const command = { type, data, metadata: { now: new Date(now), actor } } as ProgrammeAdmissionsCommand;
    return [...events, ...programmeAdmissionsDecider.decide(command, foldEvents(programmeAdmissionsDecider, events))];
  }, []);
}

const admissible = (n: number) => ({
  candidateId: `p${n}`,
  candidacyId: `cy-${n}`,
  submissionRank: n,
  leadOpinion: opinion,
});
const decide = (n: number, decision: string) =>
  [
    'RecordDecision',
    { sessionId: 's1', candidateId: `p${n}`, decision, reason: `jury ${decision}` },
    '2026-03-10T10:00:00+01:00',
    JURY,
  ] as const;

// Two places; p1 admitted, then p2 decided (the one explained), then p1 declines (a seat freed after).
const events = programme(
  ['DefineProgramme', { programmeCode: 'MS-DATA', places: 2 }, '2026-01-05T09:00:00+01:00'],
  ['ScheduleSession', { sessionId: 's1', at: '2026-03-10T09:00:00+01:00' }, '2026-01-10T09:00:00+01:00', JURY],
  ['AddToAgenda', admissible(1), '2026-02-01T09:00:00+01:00'],
  ['AddToAgenda', admissible(2), '2026-02-01T09:00:00+01:00'],
  ['AddToAgenda', admissible(3), '2026-02-01T09:00:00+01:00'],
  [...decide(1, 'ADMITTED')],
  [...decide(2, 'REJECTED')],
  ['DeclineOffer', { offerId: 'offer:cy-1' }, '2026-03-11T10:00:00+01:00', { id: 'p1', roles: ['candidate'] }],
);
const programmeStream = stored(
  'prog',
  events,
  events.map((e) =>
    e.type === 'CandidateAddedToAgenda'
      ? `review-admissible-${(e.data as { candidateId: string }).candidateId}`
      : undefined,
  ),
);
const decisionOfP2 = programmeStream.find(
  (e) => e.type === 'AdmissionDecided' && (e.data as { candidateId: string }).candidateId === 'p2',
);

const fileFacts: AdmissionFileEvent[] = [
  {
    type: 'EligibilityRecorded',
    data: {
      candidacyId: 'cy-2',
      candidateId: 'p2',
      programmeCode: 'MS-DATA',
      eligibility: { status: 'PENDING_EQUIVALENCE', matchedRule: 'ELIG-5', reason: 'Foreign Master', checks: [] },
      recordedAt: '2026-01-20T09:00:00.000Z',
    },
  },
  {
    type: 'EquivalenceConfirmationRecorded',
    data: { candidacyId: 'cy-2', confirmedAt: '2026-01-25T09:00:00.000Z', recordedAt: '2026-01-25T09:00:00.000Z' },
  },
  {
    type: 'InterviewOutcomeRecorded',
    data: {
      candidacyId: 'cy-2',
      startsAt: '2026-01-28T09:00:00.000Z',
      conclusive: true,
      notes: 'Clear goals',
      recordedAt: '2026-01-28T10:00:00.000Z',
    },
  },
  {
    type: 'LeadOpinionRecorded',
    data: {
      candidacyId: 'cy-2',
      leadOpinion: opinion,
      givenAt: '2026-01-29T09:00:00.000Z',
      correctionReason: null,
      recordedAt: '2026-01-29T09:00:00.000Z',
    },
  },
  {
    type: 'LeadOpinionRecorded',
    data: {
      candidacyId: 'cy-2',
      leadOpinion: { opinion: 'UNFAVOURABLE', motivation: 'On second reading the project does not fit the programme' },
      givenAt: '2026-03-12T09:00:00.000Z',
      correctionReason: 'Notes of two candidates were mixed up',
      recordedAt: '2026-03-12T09:00:00.000Z',
    },
  },
];
const fileStream = stored(
  'file',
  fileFacts,
  fileFacts.map((_, i) => `review-${i + 1}`),
);

const history = (over: Partial<DecisionHistory> = {}): DecisionHistory => ({
  decisionEventId: decisionOfP2?.metadata.eventId ?? '',
  programme: programmeStream,
  file: fileStream,
  fileVersion: 4, // the correction (version 5) came after the decision
  ...over,
});

describe('explainDecision: what the jury had when it decided', () => {
  it('gives the decision, the eligibility with its equivalence, the interview, the opinion and the rank, each citing its events', () => {
    const explanation = explainDecision(history());
    expect(explanation).toMatchObject({
      decisionId: `decision-${decisionOfP2?.metadata.eventId}`,
      candidateId: 'p2',
      candidacyId: 'cy-2',
      programmeCode: 'MS-DATA',
      decision: {
        outcome: 'REJECTED',
        reason: 'jury REJECTED',
        sessionId: 's1',
        eventId: decisionOfP2?.metadata.eventId,
      },
      eligibility: {
        status: 'PENDING_EQUIVALENCE',
        matchedRule: 'ELIG-5',
        eventId: 'file-1',
        sourceEventId: 'review-1',
        equivalence: { confirmedAt: '2026-01-25T09:00:00.000Z', eventId: 'file-2', sourceEventId: 'review-2' },
      },
      interview: { conclusive: true, notes: 'Clear goals', eventId: 'file-3', sourceEventId: 'review-3' },
      rank: { submissionRank: 2, waitingListRank: null, sourceEventId: 'review-admissible-p2' },
    });
  });

  it('REV-3: a correction recorded after the decision does not change the opinion the jury had; one before does', () => {
    expect(explainDecision(history())?.leadOpinion).toMatchObject({
      opinion: 'FAVOURABLE',
      correctionReason: null,
      eventId: 'file-4',
      sourceEventId: 'review-4',
    });
    expect(explainDecision(history({ fileVersion: 5 }))?.leadOpinion).toMatchObject({
      opinion: 'UNFAVOURABLE',
      correctionReason: 'Notes of two candidates were mixed up',
      eventId: 'file-5',
    });
  });

  it('JURY-5: the seats are those just before the decision, as the decider counts them; a seat freed later is not', () => {
    const at = programmeStream.indexOf(decisionOfP2 as StoredEvent);
    const state = foldEvents(programmeAdmissionsDecider, events.slice(0, at));
    const seats = explainDecision(history())?.seats;
    expect(state.status === 'DEFINED' && freeSeats(state)).toBe(1);
    expect(seats).toEqual({
      places: 2,
      placesEventId: 'prog-1',
      taken: 1,
      free: 1,
      holders: [{ kind: 'OFFER', eventId: programmeStream.find((e) => e.type === 'OfferMade')?.metadata.eventId }],
    });
    // p1's decline after the decision freed that seat: the explanation still shows it held.
    expect(programmeStream.slice(at).some((e) => e.type === 'OfferDeclined')).toBe(true);
  });

  it("without the file's facts, the opinion is the agenda's and the rest is absent", () => {
    const explanation = explainDecision(history({ file: [], fileVersion: 0 }));
    expect(explanation).toMatchObject({
      eligibility: null,
      interview: null,
      leadOpinion: { ...opinion, correctionReason: null, sourceEventId: 'review-admissible-p2' },
    });
  });

  it('answers nothing for an event that is no decision, or none of this stream', () => {
    expect(explainDecision(history({ decisionEventId: 'prog-1' }))).toBeUndefined();
    expect(explainDecision(history({ decisionEventId: 'elsewhere' }))).toBeUndefined();
  });
});
