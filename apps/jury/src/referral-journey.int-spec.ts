import { ManualClock } from '@admissions/domain-kernel';
import { LogWorkers } from '@admissions/event-store';
import { CONSISTENCY_HEADER } from '@admissions/platform';
import { samplePdf, uniqueName } from '@admissions/testing';
import IORedis from 'ioredis';
import { redisUrlOf, seedProgramme, startJury, streamOf, type JuryInstance } from './jury.int-helpers';

// Issue 18: read-your-writes at the API, and the referral journey at full speed (no sleeps, no
// polling), 100 times in a row, with no refusal caused by propagation.
const REDIS_DB = Number(process.env.JURY_JOURNEY_TEST_REDIS_DB ?? 7);
const JOURNEYS = 100;
const clock = new ManualClock(new Date('2026-03-01T09:00:00+01:00'));
const run = uniqueName('ryw').slice(-8);
/** Four sessions of 25: a session decides all its candidates at once (JURY-2). */
const PER_SESSION = 25;
const REJECTING = [1, 2, 3, 4].map((n) => `MS-REJ${n}-${run}`);
const [A, B] = [`M1-A-${run}`, `M1-B-${run}`];
const LATE = `MS-LATE-${run}`;
const candidates = Array.from({ length: JOURNEYS }, (_, i) => `cand-${run}-${i + 1}`);

interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly token: string | null;
  readonly retryAfter: string | null;
}

describe('read-your-writes and the referral journey (jury)', () => {
  let jury: JuryInstance;
  const svc = () => jury.svc;
  const officer = () => svc().token('rectorate-officer', 'officer-1');
  const as = (candidateId: string) => svc().token('candidate', candidateId);

  async function call<T = Record<string, unknown>>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    after?: string | null,
  ): Promise<Reply<T>> {
    const response = await fetch(svc().url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(after ? { [CONSISTENCY_HEADER]: after } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as T,
      token: response.headers.get(CONSISTENCY_HEADER),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  /** REC-3: the candidate's transcript, uploaded; its reference. */
  async function uploadTranscript(candidateId: string, pdf: Buffer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'licence.pdf');
    const upload = await fetch(`${svc().url}/v1/referrals/me/transcript`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as(candidateId)}` },
      body: form,
    });
    return ((await upload.json()) as { transcriptDocumentRef: string }).transcriptDocumentRef;
  }

  beforeAll(async () => {
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    jury = await startJury(clock, REDIS_DB);
    for (const [index, programme] of REJECTING.entries()) {
      await seedProgramme(svc(), programme, 1, candidates.slice(index * PER_SESSION, (index + 1) * PER_SESSION));
    }
    await seedProgramme(svc(), A, JOURNEYS, []);
    await seedProgramme(svc(), B, JOURNEYS, []);
  }, 120_000);

  afterAll(async () => {
    await jury?.svc.close();
  });

  it('a query sent with the token of a command sees its effect at once: 100 candidates rejected, then read back', async () => {
    const juror = svc().token('jury-member', 'juror-1');
    const seen: string[] = [];
    for (const [index, programme] of REJECTING.entries()) {
      const scheduled = await call<{ sessionId: string }>(juror, 'POST', `/v1/programmes/${programme}/sessions`, {
        at: `2026-03-0${index + 2}T09:00:00+01:00`,
      });
      expect(scheduled.status).toBe(201);
      expect(scheduled.token).toMatch(/^[A-Za-z0-9_-]+$/);
      await clock.set(new Date(`2026-03-0${index + 2}T10:00:00+01:00`));
      const sitting = candidates.slice(index * PER_SESSION, (index + 1) * PER_SESSION);
      const decided = await call(
        juror,
        'POST',
        `/v1/programmes/${programme}/sessions/${scheduled.body.sessionId}/decisions/batch`,
        { decisions: sitting.map((candidateId) => ({ candidateId, decision: 'REJECTED', reason: 'too far' })) },
      );
      expect(decided.status).toBe(201);
      // The read model of each candidate's applications shows the rejection on the first read.
      for (const candidateId of sitting) {
        const answer = await call<{ outcome: string }[]>(
          as(candidateId),
          'GET',
          '/v1/me/applications',
          undefined,
          decided.token,
        );
        seen.push(`${answer.status}:${answer.body[0]?.outcome ?? JSON.stringify(answer.body)}`);
      }
    }
    expect(seen).toHaveLength(JOURNEYS);
    expect(new Set(seen)).toEqual(new Set(['200:REJECTED']));
  }, 90_000);

  it('a referral filed the moment the rejection is decided, with no wait, is not refused for want of it (REC-1)', async () => {
    const juror = svc().token('jury-member', 'juror-1');
    const late = [1, 2, 3].map((n) => `late-${run}-${n}`);
    await seedProgramme(svc(), LATE, 1, late);
    const pdf = await samplePdf('Relevé de notes de licence');
    const refs = await Promise.all(late.map((candidateId) => uploadTranscript(candidateId, pdf)));
    const scheduled = await call<{ sessionId: string }>(juror, 'POST', `/v1/programmes/${LATE}/sessions`, {
      at: '2026-03-06T09:00:00+01:00',
    });
    await clock.set(new Date('2026-03-06T10:00:00+01:00'));
    const decided = await call(
      juror,
      'POST',
      `/v1/programmes/${LATE}/sessions/${scheduled.body.sessionId}/decisions/batch`,
      {
        decisions: late.map((candidateId) => ({ candidateId, decision: 'REJECTED', reason: 'too far' })),
      },
    );
    expect(decided.status).toBe(201);
    const filed = await Promise.all(
      late.map((candidateId, i) =>
        call(as(candidateId), 'POST', '/v1/referrals', { transcriptDocumentRef: refs[i] }).then(
          (reply) => reply.status,
        ),
      ),
    );
    expect(filed).toEqual([201, 201, 201]);
  }, 60_000);

  it(`the referral journey at full speed, ${JOURNEYS} times: file, two proposals, complete, with 0 refusals`, async () => {
    await clock.set(new Date('2026-03-12T10:00:00+01:00'));
    const pdf = await samplePdf('Relevé de notes de licence');
    const refused: string[] = [];
    const expect2xx = (step: string, reply: Reply) => {
      if (reply.status >= 300) refused.push(`${step}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply;
    };
    const started = Date.now();
    let lastCompleted: string | null = null;
    for (const [index, candidateId] of candidates.entries()) {
      const transcriptDocumentRef = await uploadTranscript(candidateId, pdf);
      expect2xx('file', await call(as(candidateId), 'POST', '/v1/referrals', { transcriptDocumentRef }));
      const proposals = `/v1/referrals/${candidateId}/proposals`;
      const first = expect2xx('proposal A', await call(officer(), 'POST', proposals, { programmeCode: A }));
      expect2xx('proposal B', await call(officer(), 'POST', proposals, { programmeCode: B }));
      lastCompleted = expect2xx('complete', await call(officer(), 'POST', `${proposals}/complete`)).token;
      // The seat ledger (a read model) shows this journey's seat with the proposal's token.
      const ledger = await call<{ referralSeats: number }>(
        officer(),
        'GET',
        `/v1/programmes/${A}/seat-ledger`,
        undefined,
        first.token,
      );
      if (ledger.body.referralSeats !== index + 1)
        refused.push(`ledger after ${index + 1}: ${ledger.body.referralSeats}`);
    }
    expect(refused).toEqual([]);
    expect(Date.now() - started).toBeLessThan(150_000);

    // Every seat held has its proposal, and every referral is awaiting the candidate's answer.
    const held = (await streamOf(svc(), A)).filter((event) => event.type === 'ReferralSeatHeld');
    expect(held).toHaveLength(JOURNEYS);
    const referral = await call<{ status: string; proposals: unknown[] }>(
      officer(),
      'GET',
      `/v1/referrals/${candidates[0]}`,
    );
    expect(referral.body).toMatchObject({ status: 'AWAITING_ANSWER', proposals: [{}, {}] });

    // The rectorate's queue: all hundred awaiting their answers, oldest filed first (the clock stood
    // still: filed at one instant, then by candidate id); none left to propose to.
    type Listed = { candidateId: string; status: string }[];
    const awaiting = await call<Listed>(
      officer(),
      'GET',
      '/v1/referrals?status=AWAITING_ANSWER',
      undefined,
      lastCompleted,
    );
    expect(awaiting.body.filter((row) => candidates.includes(row.candidateId)).map((row) => row.candidateId)).toEqual(
      [...candidates].sort(),
    );
    const filed = await call<Listed>(officer(), 'GET', '/v1/referrals', undefined, lastCompleted);
    expect(filed.body.filter((row) => candidates.includes(row.candidateId))).toEqual([]);
    // The three filed the moment they were rejected (above) wait for their proposals.
    expect(filed.body.map((row) => row.candidateId)).toEqual(
      expect.arrayContaining([1, 2, 3].map((n) => `late-${run}-${n}`)),
    );
    expect((await call(as(candidates[0]), 'GET', '/v1/referrals')).status).toBe(403);
    expect((await call(officer(), 'GET', '/v1/referrals?status=NONE')).body).toMatchObject({ status: 400 });
  }, 180_000);

  it('a token this deployment never answered is refused with 400 at once; one not folded in time answers 503 within the bound', async () => {
    const token = (commits: string[]) => Buffer.from(JSON.stringify(commits)).toString('base64url');
    const ledger = (after: string) => call(officer(), 'GET', `/v1/programmes/${A}/seat-ledger`, undefined, after);
    const started = Date.now();
    for (const after of ['not a token', token([`programme-${A}@100000`]), token(['referral-elsewhere@1'])]) {
      expect(await ledger(after)).toMatchObject({ status: 400, body: { field: CONSISTENCY_HEADER } });
    }
    expect(Date.now() - started).toBeLessThan(2000);

    // No sequencer: the write is stored but never logged, so no read model can show it.
    await svc().app.get(LogWorkers).stop();
    const candidate = as(candidates[1]);
    const mine = await call<{ proposals: { proposalId: string }[] }>(candidate, 'GET', '/v1/referrals/me');
    const accept = `/v1/referrals/me/proposals/${mine.body.proposals[0].proposalId}/acceptance`;
    const stored = await call(candidate, 'POST', accept);
    expect(stored.status).toBe(200);
    const waiting = Date.now();
    const late = await ledger(stored.token ?? '');
    expect(late).toMatchObject({
      status: 503,
      retryAfter: '1',
      body: { type: 'urn:admissions:problem:not-yet-consistent' },
    });
    expect(Date.now() - waiting).toBeLessThan(7000);
  }, 30_000);
});
