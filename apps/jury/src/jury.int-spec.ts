import { ContractRegistry, decisionContracts } from '@admissions/contracts';
import { ManualClock } from '@admissions/domain-kernel';
import { DeadlineScheduler } from '@admissions/deadlines';
import type { StoredEvent } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { DECISIONS_TOPIC, eventTopicOf } from '@admissions/platform';
import { eventually, originOf, pdfSignatureThenGarbage, samplePdf, testEnv, uniqueName } from '@admissions/testing';
import IORedis from 'ioredis';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  call,
  offerOf,
  redisUrlOf,
  seedProgramme,
  startJury,
  streamOf,
  uploadTranscript,
  type JuryInstance,
} from './jury.int-helpers';

// The jury over HTTP and Kafka against the real servers, on a ManualClock (Paris times, 2026).
const REDIS_DB = Number(process.env.JURY_TEST_REDIS_DB ?? 13);
const clock = new ManualClock(new Date('2026-03-01T09:00:00+01:00'));
const suffix = randomUUID().slice(0, 8);
const K = `MS-KAFKA-${suffix}`;
const B = `MS-BATCH-${suffix}`;
const P = [1, 2, 3, 4].map((n) => `M1-P${n}-${suffix}`);
const c = (name: string) => `${name}-${suffix}`;

interface Decision {
  readonly type: string;
  readonly id: string;
  readonly causation: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

function envelope(type: string, streamId: string, data: Record<string, unknown>): StoredEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      streamId,
      version: 1,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: { id: 'test', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}

describe('jury service (HTTP, Kafka, deadlines)', () => {
  let jury: JuryInstance;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let consumer: Consumer;
  const decisions: Decision[] = [];
  const svc = () => jury.svc;
  const juror = () => svc().token('jury-member', 'juror-1');
  const officer = () => svc().token('rectorate-officer', 'officer-1');
  const as = (candidateId: string) => svc().token('candidate', candidateId);
  const sessionIds: Record<string, string> = {};
  /** REC-3: uploads a real transcript for the candidate and answers its reference. */
  const transcriptOf = async (name: string): Promise<string> => {
    const uploaded = await uploadTranscript<{ transcriptDocumentRef: string }>(
      svc(),
      as(c(name)),
      await samplePdf(`Relevé de notes de licence de ${name}`),
    );
    expect(uploaded.status).toBe(201);
    return uploaded.body.transcriptDocumentRef;
  };

  beforeAll(async () => {
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    jury = await startJury(clock, REDIS_DB);
    kafka = new Kafka({ clientId: 'jury-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    publisher = new KafkaPublisher(kafka, jury.svc.names.kafka);
    consumer = kafka.consumer({ groupId: uniqueName('jury-test-decisions') });
    await consumer.connect();
    await consumer.subscribe({ topic: jury.svc.names.kafka(DECISIONS_TOPIC), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const header = (name: string) => message.headers?.[name]?.toString() ?? '';
        if (!header('ce_subject').includes(suffix)) return;
        decisions.push({
          type: header('ce_type'),
          id: header('ce_id'),
          causation: header('ce_causationid'),
          subject: header('ce_subject'),
          data: JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>,
        });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await publisher?.close();
    await jury?.svc.close();
  });

  it('REV-4/JURY-2: admissible candidates from review join the agenda of the next session, with the lead opinion (even before candidacy defined the programme)', async () => {
    const motivation = 'Conclusive interview, coherent professional project';
    const admissible = (name: string, rank: number) =>
      envelope('CandidateDeclaredAdmissible', `review-${c(name)}`, {
        candidacyId: `cy-${c(name)}`,
        candidateId: c(name),
        programmeCode: K,
        submissionRank: rank,
        leadOpinion: { opinion: 'FAVOURABLE', motivation },
        declaredAt: clock.now().toISOString(),
      });
    await publisher.publish(
      eventTopicOf('review'),
      [admissible('k1', 1), admissible('k2', 2), admissible('k3', 3)].map((e) =>
        toCloudEventMessage(e, originOf('review')),
      ),
    );
    const created = envelope('ProgrammeCreated', `programme-${K}`, {
      code: K,
      nameFr: 'Mastère Kafka',
      nameEn: 'Kafka Master',
      places: 2,
      intake: 'SEPTEMBER',
      intakeDate: '2026-09-14',
      applicationWindow: { opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-06-30T21:59:59.999Z' },
      pedagogicalLeadId: 'lead-1',
      createdAt: clock.now().toISOString(),
    });
    await publisher.publish(eventTopicOf('candidacy'), [toCloudEventMessage(created, originOf('candidacy'))]);

    const waiting = await eventually(async () => {
      const answer = await call<{ awaitingSession: string[] }>(svc(), juror(), 'GET', `/v1/programmes/${K}/sessions`);
      return answer.status === 200 && answer.body.awaitingSession.length === 3 ? answer.body : undefined;
    }, 60_000);
    expect(waiting.awaitingSession).toEqual([c('k1'), c('k2'), c('k3')]);

    const scheduled = await call<{ sessionId: string }>(svc(), juror(), 'POST', `/v1/programmes/${K}/sessions`, {
      at: '2026-03-10T09:00:00+01:00',
    });
    expect(scheduled.status).toBe(201);
    sessionIds[K] = scheduled.body.sessionId;
    const sessions = await call<{ sessions: { agenda: { candidateId: string; leadOpinion: unknown }[] }[] }>(
      svc(),
      juror(),
      'GET',
      `/v1/programmes/${K}/sessions`,
    );
    expect(sessions.body.sessions[0].agenda).toEqual([
      expect.objectContaining({ candidateId: c('k1'), leadOpinion: { opinion: 'FAVOURABLE', motivation } }),
      expect.objectContaining({ candidateId: c('k2') }),
      expect.objectContaining({ candidateId: c('k3') }),
    ]);

    // JURY-1: one session per programme per month, January to July.
    const second = await call(svc(), juror(), 'POST', `/v1/programmes/${K}/sessions`, {
      at: '2026-03-20T09:00:00+01:00',
    });
    expect(second).toMatchObject({ status: 422, body: { ruleId: 'JURY-1' } });
    const august = await call(svc(), juror(), 'POST', `/v1/programmes/${K}/sessions`, {
      at: '2026-08-20T09:00:00+02:00',
    });
    expect(august).toMatchObject({ status: 400, body: { ruleId: 'JURY-1' } });
    const byCandidate = await call(svc(), as(c('k1')), 'POST', `/v1/programmes/${K}/sessions`, {
      at: '2026-04-20T09:00:00+02:00',
    });
    expect(byCandidate.status).toBe(403);
  });

  it('JURY-2/JURY-5: decisions one by one; refusals name their rule and append nothing', async () => {
    await clock.set(new Date('2026-03-10T10:00:00+01:00'));
    const url = `/v1/programmes/${K}/sessions/${sessionIds[K]}/decisions`;
    const decide = (candidate: string, decision: string) =>
      call(svc(), juror(), 'POST', url, { candidateId: candidate, decision, reason: `jury: ${decision}` });

    const admitted = await decide(c('k1'), 'ADMITTED');
    expect(admitted).toMatchObject({
      status: 201,
      body: {
        sessionId: sessionIds[K],
        sessionStatus: 'OPEN',
        candidateId: c('k1'),
        outcome: 'ADMITTED',
        reason: 'jury: ADMITTED',
        waitingListRank: null,
        offer: { offerId: offerOf(c('k1')), enrolBy: '2026-03-20T22:59:59.999Z' },
      },
    });
    expect((admitted.body as { decisionId: string }).decisionId).toMatch(/^decision-/);
    expect((await decide(c('k2'), 'ADMITTED')).status).toBe(201);
    const before = (await streamOf(svc(), K)).length;
    expect(await decide(c('k3'), 'ADMITTED')).toMatchObject({
      status: 422,
      body: { ruleId: 'JURY-5', field: 'decision' },
    });
    expect(await decide(c('k1'), 'REJECTED')).toMatchObject({ status: 422, body: { ruleId: 'JURY-2' } });
    expect(await decide('nobody', 'REJECTED')).toMatchObject({ status: 422, body: { ruleId: 'JURY-2' } });
    expect(
      (await call(svc(), juror(), 'POST', url, { candidateId: c('k3'), decision: 'MAYBE', reason: '' })).status,
    ).toBe(400);
    expect((await streamOf(svc(), K)).length).toBe(before);

    const waitlisted = await decide(c('k3'), 'WAITLISTED');
    expect(waitlisted).toMatchObject({
      status: 201,
      body: { candidateId: c('k3'), outcome: 'WAITLISTED', waitingListRank: 1, offer: null, sessionStatus: 'CLOSED' },
    });
    expect((await streamOf(svc(), K)).slice(before).map((e) => e.type)).toEqual(['AdmissionDecided', 'SessionClosed']);

    // The candidate sees their waiting-list rank (read model).
    const mine = await eventually(async () => {
      const answer = await call<{ outcome: string; waitingListRank: number | null }[]>(
        svc(),
        as(c('k3')),
        'GET',
        '/v1/me/applications',
      );
      // The decision and the waiting list are two read models; each follows the events on its own.
      const [application] = answer.body;
      return application?.outcome === 'WAITLISTED' && application.waitingListRank !== null ? answer.body : undefined;
    });
    expect(mine).toEqual([expect.objectContaining({ programmeCode: K, outcome: 'WAITLISTED', waitingListRank: 1 })]);
  });

  it("JURY-4/JURY-5: enrolment, someone else's offer, a decline that offers the seat to the waiting list, and the seat ledger", async () => {
    const offers = (candidate: string, action: string) =>
      call(svc(), as(candidate), 'POST', `/v1/programmes/${K}/offers/${offerOf(candidate)}/${action}`);
    const othersOffer = await call(
      svc(),
      as(c('k3')),
      'POST',
      `/v1/programmes/${K}/offers/${offerOf(c('k1'))}/enrolment`,
    );
    expect(othersOffer).toMatchObject({ status: 404, body: { ruleId: 'JURY-4' } });

    const before = (await streamOf(svc(), K)).length;
    const declined = await offers(c('k2'), 'decline');
    // The reply is the candidate's own offer; who gets the seat next is not theirs to know.
    expect(declined).toMatchObject({
      status: 200,
      body: { programmeCode: K, offerId: offerOf(c('k2')), status: 'DECLINED' },
    });
    expect(JSON.stringify(declined.body)).not.toContain(c('k3'));
    expect((await streamOf(svc(), K)).slice(before)).toEqual([
      expect.objectContaining({ type: 'OfferDeclined' }),
      expect.objectContaining({
        type: 'OfferMade',
        data: expect.objectContaining({ candidateId: c('k3'), origin: 'WAITING_LIST' }),
      }),
    ]);
    expect(await offers(c('k2'), 'enrolment')).toMatchObject({ status: 422, body: { ruleId: 'JURY-4' } });
    const enrolled = await offers(c('k1'), 'enrolment');
    expect(enrolled).toMatchObject({ status: 200, body: { offerId: offerOf(c('k1')), status: 'ENROLLED' } });
    // JURY-4: asked again, the enrolment stands and nothing is appended.
    expect(await offers(c('k1'), 'enrolment')).toMatchObject({ status: 200, body: enrolled.body });
    expect((await offers(c('k3'), 'enrolment')).status).toBe(200);

    const ledger = await eventually(async () => {
      const answer = await call<{ enrolled: number; changedBy: { enrolled?: { type: string } } }>(
        svc(),
        juror(),
        'GET',
        `/v1/programmes/${K}/seat-ledger`,
      );
      return answer.body.enrolled === 2 ? answer.body : undefined;
    });
    expect(ledger).toMatchObject({
      programmeCode: K,
      places: 2,
      offersHeld: 0,
      enrolled: 2,
      referralSeats: 0,
      free: 0,
    });
    expect(ledger.changedBy.enrolled).toMatchObject({ type: 'CandidateEnrolled' });
  });

  it('JURY-2: a batch decides every undecided candidate of the session at once, or nothing', async () => {
    await seedProgramme(svc(), B, 3, [c('b1'), c('b2'), c('b3'), c('b4')]);
    for (const code of P) await seedProgramme(svc(), code, 1, []);
    await clock.set(new Date('2026-03-10T11:00:00+01:00'));
    const scheduled = await call<{ sessionId: string }>(svc(), juror(), 'POST', `/v1/programmes/${B}/sessions`, {
      at: '2026-03-10T12:00:00+01:00',
    });
    await clock.set(new Date('2026-03-10T13:00:00+01:00'));
    const url = `/v1/programmes/${B}/sessions/${scheduled.body.sessionId}/decisions/batch`;
    const rejected = (name: string) => ({
      candidateId: c(name),
      decision: 'REJECTED',
      reason: 'project too far from the programme',
    });
    const partial = await call(svc(), juror(), 'POST', url, { decisions: [rejected('b1')] });
    expect(partial).toMatchObject({ status: 400, body: { ruleId: 'JURY-2', field: 'decisions' } });
    const before = (await streamOf(svc(), B)).length;
    const all = await call<{ sessionStatus: string; decisions: { candidateId: string; outcome: string }[] }>(
      svc(),
      juror(),
      'POST',
      url,
      { decisions: ['b1', 'b2', 'b3', 'b4'].map(rejected) },
    );
    expect(all.status).toBe(201);
    expect(all.body.sessionStatus).toBe('CLOSED');
    expect(all.body.decisions).toEqual(
      ['b1', 'b2', 'b3', 'b4'].map((name) =>
        expect.objectContaining({ candidateId: c(name), outcome: 'REJECTED', offer: null }),
      ),
    );
    expect((await streamOf(svc(), B)).slice(before).map((e) => e.type)).toEqual([
      ...Array(4).fill('AdmissionDecided'),
      'SessionClosed',
    ]);
  });

  it('REC-3: the transcript is a readable PDF the candidate uploaded; an unknown or foreign reference is refused; the rectorate downloads it', async () => {
    await clock.set(new Date('2026-03-12T10:00:00+01:00'));
    await eventually(async () => {
      const answer = await call<{ outcome: string }[]>(svc(), as(c('b1')), 'GET', '/v1/me/applications');
      return answer.body[0]?.outcome === 'REJECTED' ? true : undefined;
    });
    const noTranscript = await call(svc(), as(c('b1')), 'POST', '/v1/referrals', {});
    expect(noTranscript).toMatchObject({ status: 400, body: { ruleId: 'REC-3', field: 'transcriptDocumentRef' } });
    const anything = await call(svc(), as(c('b1')), 'POST', '/v1/referrals', {
      transcriptDocumentRef: 'transcript-anything',
    });
    expect(anything).toMatchObject({ status: 400, body: { ruleId: 'REC-3', field: 'transcriptDocumentRef' } });
    const wellFormedUnknown = await call(svc(), as(c('b1')), 'POST', '/v1/referrals', {
      transcriptDocumentRef: 'gridfs:0123456789abcdef01234567',
    });
    expect(wellFormedUnknown).toMatchObject({ status: 400, body: { ruleId: 'REC-3' } });

    // What is not a PDF a reader can open is refused at the upload, and nothing is stored.
    const garbage = await uploadTranscript(svc(), as(c('b1')), pdfSignatureThenGarbage('licence'));
    expect(garbage).toMatchObject({ status: 400, body: { ruleId: 'REC-3', field: 'file' } });
    const locked = await uploadTranscript(svc(), as(c('b1')), await samplePdf('licence', { userPassword: 'secret' }));
    expect(locked).toMatchObject({ status: 400, body: { ruleId: 'REC-3', field: 'file' } });

    // Another candidate's transcript is not yours to refer with.
    const foreign = await call(svc(), as(c('b1')), 'POST', '/v1/referrals', {
      transcriptDocumentRef: await transcriptOf('b2'),
    });
    expect(foreign).toMatchObject({ status: 400, body: { ruleId: 'REC-3', field: 'transcriptDocumentRef' } });
    expect((await call(svc(), as(c('b1')), 'GET', '/v1/referrals/me')).status).toBe(404);

    // The candidate's own upload: kept under its basename, readable by the rectorate only.
    const content = await samplePdf('Licence de mathématiques, mention bien');
    const uploaded = await uploadTranscript<{ transcriptDocumentRef: string; fileName: string; pages: number }>(
      svc(),
      as(c('b1')),
      content,
      '../../etc/passwd.pdf',
    );
    expect(uploaded).toMatchObject({
      status: 201,
      body: { fileName: 'passwd.pdf', pages: 1, sizeBytes: content.length },
    });
    const filed = await call(svc(), as(c('b1')), 'POST', '/v1/referrals', {
      transcriptDocumentRef: uploaded.body.transcriptDocumentRef,
    });
    // REC-4: the reply is the referral, registered in the commit that filed it.
    expect(filed).toMatchObject({
      status: 201,
      body: {
        status: 'FILED',
        candidateId: c('b1'),
        transcriptDocumentRef: uploaded.body.transcriptDocumentRef,
        acknowledged: true,
        proposals: [],
      },
    });
    const download = (token: string) =>
      fetch(`${svc().url}/v1/referrals/${c('b1')}/transcript`, { headers: { authorization: `Bearer ${token}` } });
    const read = await download(officer());
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''passwd.pdf");
    expect(Buffer.from(await read.arrayBuffer()).equals(content)).toBe(true);
    expect((await download(as(c('b1')))).status).toBe(403);
    const none = await fetch(`${svc().url}/v1/referrals/${c('nobody')}/transcript`, {
      headers: { authorization: `Bearer ${officer()}` },
    });
    expect(none.status).toBe(404);
  });

  it('REC-1..7: a referral filed with a transcript (above) is acknowledged, gets three proposals holding seats, and accepting one releases the others', async () => {
    // REC-4: registered and acknowledged by the referral process (from the jury's own topic).
    await eventually(async () => {
      const answer = await call<{ acknowledged: boolean }>(svc(), as(c('b1')), 'GET', '/v1/referrals/me');
      return answer.body.acknowledged ? true : undefined;
    });

    const propose = (programmeCode: string) =>
      call<{ proposalId: string }>(svc(), officer(), 'POST', `/v1/referrals/${c('b1')}/proposals`, { programmeCode });
    const proposals = [];
    for (const code of P.slice(0, 3)) {
      const answer = await propose(code);
      expect(answer.status).toBe(201);
      // REC-5: the third proposal sends them; the 15-day answer window opens (REC-7).
      expect(answer.body).toMatchObject({
        status: proposals.length < 2 ? 'FILED' : 'AWAITING_ANSWER',
        proposals: expect.arrayContaining([{ proposalId: answer.body.proposalId, programmeCode: code }]),
      });
      proposals.push(answer.body.proposalId);
    }
    const fourth = await propose(P[3]);
    expect(fourth).toMatchObject({ status: 422, body: { ruleId: 'REC-5' } });
    expect((await streamOf(svc(), P[3])).map((e) => e.type)).toEqual(['ProgrammeDefined']);

    const accepted = await call(svc(), as(c('b1')), 'POST', `/v1/referrals/me/proposals/${proposals[1]}/acceptance`);
    expect(accepted).toMatchObject({ status: 200, body: { status: 'ACCEPTED', acceptedProposalId: proposals[1] } });
    const second = await call(svc(), as(c('b1')), 'POST', `/v1/referrals/me/proposals/${proposals[0]}/acceptance`);
    expect(second).toMatchObject({ status: 422, body: { ruleId: 'REC-7' } });

    // REC-7: the declined proposals' seats go back to their programmes; the accepted one keeps its seat.
    await eventually(async () => {
      const [first, kept, third] = await Promise.all(P.slice(0, 3).map((code) => streamOf(svc(), code)));
      const released = (events: StoredEvent[]) => events.some((e) => e.type === 'ReferralSeatReleased');
      return released(first) && released(third) && !released(kept) ? true : undefined;
    });
  });

  it('REC-2, REC-6, REC-7: a late referral, a proposal after 31 October, and proposals that lapse unanswered', async () => {
    // b3 and b4 file within 15 days; b3 gets one proposal and lets it lapse; b4 waits past October.
    for (const name of ['b3', 'b4']) {
      expect(
        (await call(svc(), as(c(name)), 'POST', '/v1/referrals', { transcriptDocumentRef: await transcriptOf(name) }))
          .status,
      ).toBe(201);
      await eventually(async () => {
        const answer = await call<{ acknowledged: boolean }>(svc(), as(c(name)), 'GET', '/v1/referrals/me');
        return answer.body.acknowledged ? true : undefined;
      });
    }
    expect(
      (await call(svc(), officer(), 'POST', `/v1/referrals/${c('b3')}/proposals`, { programmeCode: P[3] })).status,
    ).toBe(201);
    expect(await call(svc(), officer(), 'POST', `/v1/referrals/${c('b3')}/proposals/complete`)).toMatchObject({
      status: 200,
      body: { status: 'AWAITING_ANSWER', proposals: [{ programmeCode: P[3] }] },
    });

    // The last negative answer was on 10 March: 25 March 23:59:59.999 is the last moment to refer.
    await clock.set(new Date('2026-03-26T00:00:01+01:00'));
    const late = await call(svc(), as(c('b2')), 'POST', '/v1/referrals', {
      transcriptDocumentRef: await transcriptOf('b2'),
    });
    expect(late).toMatchObject({ status: 422, body: { ruleId: 'REC-2' } });

    // Proposals made on 12 March: the answer window ends 27 March 23:59:59.999 (deadline job).
    await clock.set(new Date('2026-03-28T00:00:01+01:00'));
    await svc().app.get(DeadlineScheduler).waitForIdle();
    await eventually(async () => {
      const events = await streamOf(svc(), P[3]);
      return events.some((e) => e.type === 'ReferralSeatReleased') ? true : undefined;
    });
    const lapsed = await call<{ status: string }>(svc(), officer(), 'GET', `/v1/referrals/${c('b3')}`);
    expect(lapsed.body.status).toBe('LAPSED');

    await clock.set(new Date('2026-11-01T00:00:01+01:00'));
    const afterOctober = await call(svc(), officer(), 'POST', `/v1/referrals/${c('b4')}/proposals`, {
      programmeCode: P[3],
    });
    expect(afterOctober).toMatchObject({ status: 422, body: { ruleId: 'REC-6' } });
  });

  it('JURY-3: the decision stream publishes each decision once per source event, with its contract', async () => {
    const registry = new ContractRegistry(decisionContracts);
    const expected = [
      'admitted',
      'waitlisted',
      'offer-made',
      'offer-declined',
      'enrolled',
      'rejected',
      'referral-outcome',
    ];
    const seen = await eventually(async () => {
      const types = new Set(decisions.map((d) => d.type.replace('admissions.decision.', '')));
      const outcomes = decisions.filter((d) => d.type.endsWith('referral-outcome')).map((d) => d.data.outcome);
      return expected.every((t) => types.has(t)) && outcomes.includes('LAPSED') ? decisions : undefined;
    }, 60_000);
    for (const decision of seen) {
      expect(registry.validate(decision.type, decision.data)).toBeUndefined();
      expect(decision.id).toBe(`decision-${decision.causation}`);
    }
    const ofK = seen
      .filter((d) => d.subject === `programme-${K}`)
      .map((d) => d.type.replace('admissions.decision.', ''));
    expect(ofK.filter((t) => t === 'admitted')).toHaveLength(2);
    expect(ofK.filter((t) => t === 'offer-made')).toHaveLength(3);
    expect(ofK.filter((t) => t === 'enrolled')).toHaveLength(2);
    expect(new Set(seen.map((d) => d.id)).size).toBe(seen.length);
  });
});
