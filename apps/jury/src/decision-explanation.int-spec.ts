import { ContractRegistry, reviewContracts } from '@admissions/contracts';
import { ManualClock } from '@admissions/domain-kernel';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { eventTopicOf } from '@admissions/platform';
import { eventually, originOf, testEnv } from '@admissions/testing';
import IORedis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { admissionFileStreamId } from './application/jury-streams';
import { call, offerOf, redisUrlOf, startJury, streamOf, type JuryInstance } from './jury.int-helpers';

// "Why this decision" against the real servers: review's facts arrive over Kafka, the jury decides
// over HTTP, then the file and the seats change; the explanation stays as the jury had it.
const REDIS_DB = Number(process.env.JURY_EXPLANATION_TEST_REDIS_DB ?? 11);
const clock = new ManualClock(new Date('2026-02-01T09:00:00+01:00'));
const suffix = randomUUID().slice(0, 8);
const CODE = `MS-WHY-${suffix}`;
const A = `why-a-${suffix}`;
const B = `why-b-${suffix}`;
const candidacyOf = (candidateId: string) => `cy-${candidateId}`;
const reviewRegistry = new ContractRegistry(reviewContracts);

/** A review event as the review service would publish it (keyed by its review stream). */
function reviewEvent(type: string, candidateId: string, data: Record<string, unknown>): StoredEvent {
  const full = { candidacyId: candidacyOf(candidateId), ...data };
  const invalid = reviewRegistry.validate(type, full);
  if (invalid !== undefined) throw new Error(invalid);
  return {
    type,
    data: full,
    metadata: {
      eventId: randomUUID(),
      streamId: `review-${candidacyOf(candidateId)}`,
      version: 1,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: { id: 'lead-1', roles: ['pedagogical-lead'] },
      schemaVersion: 1,
    },
  };
}

const motivation = 'Conclusive interview, coherent professional project';
const opened = (candidateId: string, rank: number) =>
  reviewEvent('ReviewOpened', candidateId, {
    candidateId,
    programmeCode: CODE,
    eligibility: 'ELIGIBLE',
    submissionRank: rank,
    fileSummary: {
      diplomaLevel: 5,
      diplomaKind: 'MASTER_2',
      experienceMonths: 12,
      eligibilityRuleId: 'ELIG-3',
      eligibilityExplanation: {
        reason: 'University Master 2 (Bac+5)',
        checks: [{ ruleId: 'ELIG-3', passed: true, reason: 'Master 2 in data science, 2025' }],
      },
      diplomas: [{ kind: 'MASTER_2', title: 'Master 2 data science', country: 'FR', year: 2025 }],
      documentIds: ['d-1'],
      submittedAt: '2026-01-10T09:00:00.000Z',
    },
    personal: { fullName: 'Camille Martin', email: 'camille@example.test' },
    openedAt: '2026-01-10T09:00:01.000Z',
  });
const held = (candidateId: string) =>
  reviewEvent('InterviewHeld', candidateId, {
    startsAt: '2026-01-20T10:00:00.000Z',
    conclusive: true,
    notes: 'Clear goals, good fit',
    recordedAt: '2026-01-20T11:00:00.000Z',
  });
const given = (candidateId: string) =>
  reviewEvent('OpinionGiven', candidateId, { opinion: 'FAVOURABLE', motivation, givenAt: '2026-01-21T09:00:00.000Z' });
const admissible = (candidateId: string, rank: number) =>
  reviewEvent('CandidateDeclaredAdmissible', candidateId, {
    candidateId,
    programmeCode: CODE,
    submissionRank: rank,
    leadOpinion: { opinion: 'FAVOURABLE', motivation },
    declaredAt: '2026-01-21T09:00:00.000Z',
  });

interface Explanation {
  decisionId: string;
  language: string;
  decision: { outcome: string; reason: string; eventId: string };
  eligibility: { status: string; matchedRule: string; sourceEventId: string } | null;
  interview: { conclusive: boolean; sourceEventId: string } | null;
  leadOpinion: { opinion: string; motivation: string; correctionReason: string | null; sourceEventId: string };
  rank: { submissionRank: number; waitingListRank: number | null; sourceEventId: string };
  seats: { places: number; taken: number; free: number; holders: { kind: string; eventId: string }[] };
  statements: Record<string, string>;
}

describe('GET /v1/decisions/{decisionId}/explanation (why this decision)', () => {
  let jury: JuryInstance;
  let publisher: KafkaPublisher;
  const svc = () => jury.svc;
  const juror = () => svc().token('jury-member', 'juror-1');
  const as = (candidateId: string) => svc().token('candidate', candidateId);
  const events = { opened: opened(B, 2), held: held(B), given: given(B), admissible: admissible(B, 2) };
  let decisionOfB = '';

  async function explain(
    token: string | undefined,
    decisionId: string,
    query = '',
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${svc().url}/v1/decisions/${decisionId}/explanation${query}`, {
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
    });
    return {
      status: response.status,
      language: response.headers.get('content-language'),
      contentType: response.headers.get('content-type') ?? '',
      body: (await response.json()) as Explanation & { field?: string },
    };
  }
  const publishReview = (...list: StoredEvent[]) =>
    publisher.publish(
      eventTopicOf('review'),
      list.map((event) => toCloudEventMessage(event, originOf('review'))),
    );
  const fileOf = async (candidateId: string) =>
    (
      await svc()
        .app.get(EventStore)
        .readStream(admissionFileStreamId(candidacyOf(candidateId)))
    ).events;

  beforeAll(async () => {
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    jury = await startJury(clock, REDIS_DB);
    const kafka = new Kafka({
      clientId: 'jury-explanation-test',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    publisher = new KafkaPublisher(kafka, jury.svc.names.kafka);
  });

  afterAll(async () => {
    await publisher?.close();
    await jury?.svc.close();
  });

  it('JURY-2: the jury decides in view of the file review gave it (facts taken in over Kafka)', async () => {
    const created: StoredEvent = {
      type: 'ProgrammeCreated',
      data: {
        code: CODE,
        nameFr: 'Mastère Pourquoi',
        nameEn: 'Why Master',
        places: 1,
        intake: 'SEPTEMBER',
        intakeDate: '2026-09-14',
        applicationWindow: { opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-06-30T21:59:59.999Z' },
        pedagogicalLeadId: 'lead-1',
        createdAt: clock.now().toISOString(),
      },
      metadata: {
        ...events.opened.metadata,
        eventId: randomUUID(),
        streamId: `programme-${CODE}`,
        actor: { id: 'officer-1', roles: ['admissions-officer'] },
      },
    };
    await publisher.publish(eventTopicOf('candidacy'), [toCloudEventMessage(created, originOf('candidacy'))]);
    await eventually(
      async () =>
        (await call(svc(), juror(), 'GET', `/v1/programmes/${CODE}/sessions`)).status === 200 ? true : undefined,
      60_000,
    );
    const scheduled = await call<{ sessionId: string }>(svc(), juror(), 'POST', `/v1/programmes/${CODE}/sessions`, {
      at: '2026-03-10T09:00:00+01:00',
    });
    expect(scheduled.status).toBe(201);

    await publishReview(given(A), admissible(A, 1), events.opened, events.held, events.given, events.admissible);
    await eventually(async () => {
      const answer = await call<{ sessions: { agenda: unknown[] }[] }>(
        svc(),
        juror(),
        'GET',
        `/v1/programmes/${CODE}/sessions`,
      );
      return answer.body.sessions[0]?.agenda.length === 2 ? true : undefined;
    }, 60_000);
    // One partition carries a candidacy's review events in order: its facts were taken in before it joined the agenda.
    expect((await fileOf(B)).map((e) => [e.type, e.metadata.causationId])).toEqual([
      ['EligibilityRecorded', events.opened.metadata.eventId],
      ['InterviewOutcomeRecorded', events.held.metadata.eventId],
      ['LeadOpinionRecorded', events.given.metadata.eventId],
    ]);

    await clock.set(new Date('2026-03-10T10:00:00+01:00'));
    const url = `/v1/programmes/${CODE}/sessions/${scheduled.body.sessionId}/decisions`;
    expect(
      (
        await call(svc(), juror(), 'POST', url, {
          candidateId: A,
          decision: 'ADMITTED',
          reason: 'First in order, strong file',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(svc(), juror(), 'POST', url, {
          candidateId: B,
          decision: 'WAITLISTED',
          reason: 'Strong file, no seat left',
        })
      ).status,
    ).toBe(201);
    decisionOfB = await eventually(async () => {
      const mine = await call<{ decisionId: string | null }[]>(svc(), as(B), 'GET', '/v1/me/applications');
      return mine.body[0]?.decisionId ?? undefined;
    });
  });

  it('after a corrected opinion and a seat freed, the explanation is still what the jury had when it decided', async () => {
    await clock.set(new Date('2026-03-11T09:00:00+01:00'));
    const corrected = reviewEvent('OpinionCorrected', B, {
      opinion: 'UNFAVOURABLE',
      motivation: 'On second reading the project does not fit the programme',
      previous: { opinion: 'FAVOURABLE', motivation },
      reason: 'The notes of two candidates were mixed up',
      correctedAt: clock.now().toISOString(),
    });
    await publishReview(corrected);
    const declined = await call(svc(), as(A), 'POST', `/v1/programmes/${CODE}/offers/${offerOf(A)}/decline`);
    expect(declined.status).toBe(200);
    await eventually(async () => ((await fileOf(B)).length === 4 ? true : undefined), 60_000);
    // Now: A's seat went to B from the waiting list.
    const now = await eventually(async () => {
      const mine = await call<{ outcome: string }[]>(svc(), as(B), 'GET', '/v1/me/applications');
      return mine.body[0]?.outcome === 'ADMITTED' ? mine.body[0] : undefined;
    });
    expect(now.outcome).toBe('ADMITTED');

    const answer = await explain(as(B), decisionOfB, '?lang=fr');
    expect(answer).toMatchObject({ status: 200, language: 'fr' });
    const offerToA = (await streamOf(svc(), CODE)).find(
      (e) => e.type === 'OfferMade' && (e.data as { candidateId: string }).candidateId === A,
    );
    expect(answer.body).toMatchObject({
      decisionId: decisionOfB,
      language: 'fr',
      decision: {
        outcome: 'WAITLISTED',
        reason: 'Strong file, no seat left',
        eventId: decisionOfB.replace('decision-', ''),
      },
      eligibility: { status: 'ELIGIBLE', matchedRule: 'ELIG-3', sourceEventId: events.opened.metadata.eventId },
      interview: { conclusive: true, sourceEventId: events.held.metadata.eventId },
      leadOpinion: {
        opinion: 'FAVOURABLE',
        motivation,
        correctionReason: null,
        sourceEventId: events.given.metadata.eventId,
      },
      rank: { submissionRank: 2, waitingListRank: 1, sourceEventId: events.admissible.metadata.eventId },
      seats: { places: 1, taken: 1, free: 0, holders: [{ kind: 'OFFER', eventId: offerToA?.metadata.eventId }] },
    });
    expect(answer.body.statements.decision).toBe(
      "Le jury a placé la candidature sur liste d'attente le 10 mars 2026, motif : « Strong file, no seat left ».",
    );
    expect(answer.body.statements.seats).toBe('Au moment de la décision : 1 place, 1 occupée, 0 libre.');
  });

  it('the candidate reads it in English by Accept-Language; ?lang= wins; another language is refused by name', async () => {
    const english = await explain(as(B), decisionOfB, '', { 'accept-language': 'de-DE, en-GB;q=0.8, fr;q=0.5' });
    expect(english).toMatchObject({ status: 200, language: 'en', body: { language: 'en' } });
    expect(english.body.statements.decision).toBe(
      'The jury put the application on the waiting list on 10 March 2026, on the grounds: “Strong file, no seat left”.',
    );
    expect((await explain(as(B), decisionOfB, '?lang=fr', { 'accept-language': 'en' })).language).toBe('fr');
    const german = await explain(as(B), decisionOfB, '?lang=de');
    expect(german.status).toBe(400);
    expect(german.contentType).toContain('application/problem+json');
    expect(JSON.stringify(german.body)).toContain('lang');
  });

  it("someone else's decision is not found; staff read any; no token or another role is refused", async () => {
    const othersDecision = await explain(as(A), decisionOfB);
    expect(othersDecision).toMatchObject({ status: 404, body: { field: 'decisionId' } });
    expect(othersDecision.contentType).toContain('application/problem+json');
    expect((await explain(as(B), 'decision-nothing')).status).toBe(404);

    for (const role of ['jury-member', 'admissions-officer', 'admin'] as const) {
      const staff = await explain(svc().token(role, `staff-${role}`), decisionOfB);
      expect(staff).toMatchObject({ status: 200, body: { decisionId: decisionOfB, candidateId: B } });
    }
    expect((await explain(svc().token('student', B), decisionOfB)).status).toBe(403);
    expect((await explain(undefined, decisionOfB)).status).toBe(401);

    // A's own decision: admitted with the seat free then; its opinion is the one review gave.
    const decisionOfA = await eventually(async () => {
      const mine = await call<{ decisionId: string | null }[]>(svc(), as(A), 'GET', '/v1/me/applications');
      return mine.body[0]?.decisionId ?? undefined;
    });
    const own = await explain(as(A), decisionOfA, '?lang=en');
    expect(own.body).toMatchObject({
      decision: { outcome: 'ADMITTED' },
      eligibility: null,
      interview: null,
      leadOpinion: { opinion: 'FAVOURABLE' },
      rank: { submissionRank: 1, waitingListRank: null },
      seats: { places: 1, taken: 0, free: 1, holders: [] },
    });
  });
});
