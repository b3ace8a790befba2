import { ManualClock } from '@admissions/domain-kernel';
import { DeadlineScheduler, toJobId } from '@admissions/deadlines';
import { ProjectionRunner } from '@admissions/projections';
import { eventually } from '@admissions/testing';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { offerExpiryDeadlineId, SYSTEM_ACTOR } from './application/jury-streams';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import {
  call,
  offerOf,
  redisUrlOf,
  replaySeats,
  seedProgramme,
  startJury,
  streamOf,
  type JuryInstance,
} from './jury.int-helpers';
import { seatLedger } from './projections/seat-ledger.projection';

// Seats, offers and deadlines against the real servers, on a ManualClock (Europe/Paris times).
const REDIS_DB = Number(process.env.JURY_SEATS_TEST_REDIS_DB ?? 14);
const clock = new ManualClock(new Date('2026-03-01T09:00:00+01:00'));
const code = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe('jury seats, offers and deadlines', () => {
  let jury: JuryInstance;
  const svc = () => jury.svc;
  const juror = () => svc().token('jury-member', 'juror-1');
  const as = (candidateId: string) => svc().token('candidate', candidateId);
  const deadlines = () => svc().app.get(DeadlineScheduler);

  beforeAll(async () => {
    // The Redis database is this file's own: start from an empty one (a killed run leaves jobs).
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    jury = await startJury(clock, REDIS_DB);
  });

  afterAll(async () => {
    await jury?.svc.close();
  });

  async function sessionSitting(programme: string, at: string): Promise<string> {
    const scheduled = await call<{ sessionId: string }>(
      svc(),
      juror(),
      'POST',
      `/v1/programmes/${programme}/sessions`,
      {
        at,
      },
    );
    expect(scheduled.status).toBe(201);
    await clock.set(new Date(Date.parse(at) + 60 * 60_000));
    return scheduled.body.sessionId;
  }

  async function decide(programme: string, sessionId: string, decisions: [string, string][]) {
    const batch = await call(
      svc(),
      juror(),
      'POST',
      `/v1/programmes/${programme}/sessions/${sessionId}/decisions/batch`,
      {
        decisions: decisions.map(([candidateId, decision]) => ({ candidateId, decision, reason: `jury: ${decision}` })),
      },
    );
    expect(batch.status).toBe(201);
  }

  it('JURY-4: enrolment at 23:59:58 on the last day wins over the expiry; at 00:00:01 the next day it is refused', async () => {
    const programme = code('MS-EDGE');
    await seedProgramme(svc(), programme, 5, ['edge-a', 'edge-b']);
    const sessionId = await sessionSitting(programme, '2026-03-15T09:00:00+01:00');
    await decide(programme, sessionId, [
      ['edge-a', 'ADMITTED'],
      ['edge-b', 'ADMITTED'],
    ]);
    // Offers made on 15 March: the last moment is 25 March 23:59:59.999 Paris.
    await clock.set(new Date('2026-03-25T23:59:58+01:00'));
    const enrolled = await call(
      svc(),
      as('edge-a'),
      'POST',
      `/v1/programmes/${programme}/offers/${offerOf('edge-a')}/enrolment`,
    );
    expect(enrolled.status).toBe(200);

    await clock.set(new Date('2026-03-26T00:00:01+01:00'));
    await deadlines().waitForIdle();
    const late = await call(
      svc(),
      as('edge-b'),
      'POST',
      `/v1/programmes/${programme}/offers/${offerOf('edge-b')}/enrolment`,
    );
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ ruleId: 'JURY-4' });

    const types = (await streamOf(svc(), programme)).map(
      (e) => `${e.type}:${(e.data as { candidateId?: string }).candidateId ?? ''}`,
    );
    expect(types.filter((t) => t.startsWith('CandidateEnrolled'))).toEqual(['CandidateEnrolled:edge-a']);
    expect(types.filter((t) => t.startsWith('OfferExpired'))).toEqual(['OfferExpired:edge-b']);
    // edge-a's job found its offer enrolled; edge-b's offer was expired by whichever job ran first,
    // and a sweep by edge-a's job cancels edge-b's deadline instead of running it.
    expect(await deadlines().find(offerExpiryDeadlineId(offerOf('edge-a')))).toMatchObject({ status: 'FIRED' });
    expect((await deadlines().find(offerExpiryDeadlineId(offerOf('edge-b'))))?.status).toMatch(/^(FIRED|CANCELLED)$/);
  });

  it('JURY-4: an expiry deadline survives a Redis FLUSHDB and a restart of the service, and fires once', async () => {
    const programme = code('MS-FLUSH');
    await seedProgramme(svc(), programme, 1, ['flush-c', 'flush-d']);
    const sessionId = await sessionSitting(programme, '2026-04-02T09:00:00+02:00');
    await decide(programme, sessionId, [
      ['flush-c', 'ADMITTED'],
      ['flush-d', 'WAITLISTED'],
    ]);
    const deadlineId = offerExpiryDeadlineId(offerOf('flush-c'));
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    const queue = new Queue(svc().names.queue('deadlines-jury'), { connection: redis });
    try {
      expect(await queue.getJob(toJobId(deadlineId))).toBeDefined();
      await svc().close();
      await redis.flushdb();
      expect(await queue.getJob(toJobId(deadlineId))).toBeUndefined();

      jury = await startJury(clock, REDIS_DB, jury);
      // The reconciler re-created the job from the deadline kept in MongoDB.
      expect((await queue.getJob(toJobId(deadlineId)))?.data).toMatchObject({ deadlineId });

      // 2 April + 10 days: 12 April 23:59:59.999 Paris (summer time).
      await clock.set(new Date('2026-04-13T00:00:01+02:00'));
      await deadlines().waitForIdle();
      await deadlines().reconcile();
      await deadlines().waitForIdle();
    } finally {
      await queue.close();
      await redis.quit();
    }
    const events = await streamOf(svc(), programme);
    expect(
      events.filter((e) => e.type === 'OfferExpired').map((e) => (e.data as { candidateId: string }).candidateId),
    ).toEqual(['flush-c']);
    expect(
      events
        .filter((e) => e.type === 'OfferMade')
        .map((e) => [(e.data as { candidateId: string }).candidateId, (e.data as { origin: string }).origin]),
    ).toEqual([
      ['flush-c', 'ADMISSION'],
      ['flush-d', 'WAITING_LIST'],
    ]);
    expect(await svc().app.get(DeadlineScheduler).find(deadlineId)).toMatchObject({ status: 'FIRED' });
  });

  it('JURY-5: 200 concurrent enrolments, declines and expiries on 5 places never hold more than 5 seats; each released seat is offered once', async () => {
    const programme = code('MS-RACE');
    const admitted = ['r-a1', 'r-a2', 'r-a3', 'r-a4', 'r-a5'];
    const waitlisted = Array.from(
      { length: Number(process.env.JURY_RACE_WAITLIST ?? 150) },
      (_, i) => `r-w${String(i + 1).padStart(3, '0')}`,
    );
    await seedProgramme(svc(), programme, 5, [...admitted, ...waitlisted]);
    const sessionId = await sessionSitting(programme, '2026-05-05T09:00:00+02:00');
    await decide(programme, sessionId, [
      ...admitted.map((c): [string, string] => [c, 'ADMITTED']),
      ...waitlisted.map((c): [string, string] => [c, 'WAITLISTED']),
    ]);

    // The five first offers are overdue (made 5 May, last moment 15 May 23:59:59.999).
    // Expiries as the deadline handler runs them (the five deadline jobs also fire when the clock moves).
    const writer = svc().app.get(ProgrammeAdmissionsWriter);
    const expireDirectly = (candidate: string) =>
      writer.run(SYSTEM_ACTOR, programme, { type: 'ExpireOffer', data: { offerId: offerOf(candidate) } });
    const offerCall = (candidate: string, action: 'enrolment' | 'decline') =>
      call(svc(), as(candidate), 'POST', `/v1/programmes/${programme}/offers/${offerOf(candidate)}/${action}`);

    const operations: (() => Promise<string>)[] = [];
    for (const candidate of admitted) {
      operations.push(() =>
        expireDirectly(candidate).then(
          () => 'expire:ok',
          (e: Error) => `expire:${e.name}`,
        ),
      );
      operations.push(() =>
        expireDirectly(candidate).then(
          () => 'expire:ok',
          (e: Error) => `expire:${e.name}`,
        ),
      );
      operations.push(() => offerCall(candidate, 'enrolment').then((r) => `enrol:${r.status}`));
      operations.push(() => offerCall(candidate, 'enrolment').then((r) => `enrol:${r.status}`));
    }
    const patterns: ('enrolment' | 'decline')[][] = [
      ['decline', 'enrolment', 'decline'],
      ['decline', 'decline', 'enrolment'],
      ['enrolment', 'decline', 'enrolment'],
    ];
    for (const [index, candidate] of waitlisted.slice(0, 60).entries()) {
      for (const action of patterns[index % 3]) {
        operations.push(() =>
          offerCall(candidate, action).then((r) => `${action === 'decline' ? 'decline' : 'enrol'}:${r.status}`),
        );
      }
    }
    expect(operations).toHaveLength(200);
    const shuffled = operations
      .map((operation) => ({ operation, order: Math.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ operation }) => operation);

    // The clock moves past the window as the operations start: the five deadline jobs fire too.
    const moved = clock.set(new Date('2026-05-16T08:00:00+02:00'));
    const outcomes = await Promise.all(shuffled.map((operation) => operation()));
    await moved;
    await deadlines().waitForIdle();

    const tally = outcomes.reduce<Record<string, number>>(
      (counts, o) => ({ ...counts, [o]: (counts[o] ?? 0) + 1 }),
      {},
    );
    const events = await streamOf(svc(), programme);
    const figures = replaySeats(events);
    // Reported in the test output for the record.
    process.stdout.write(`JURY-5 race on ${programme}: ${JSON.stringify({ tally, ...figures.summary })}\n`);

    expect(figures.maxTaken).toBeLessThanOrEqual(5);
    expect(figures.summary.released).toBeGreaterThan(5);
    // Every seat released while someone waited went to exactly one candidate, first waitlisted first.
    expect(figures.summary.promotions).toBe(figures.summary.released);
    expect(figures.promoted).toEqual(waitlisted.slice(0, figures.promoted.length));
    expect(new Set(figures.offered).size).toBe(figures.offered.length);
    expect(figures.summary.held + figures.summary.enrolled).toBe(5);
    expect(events.filter((e) => e.type === 'OfferExpired')).toHaveLength(5);

    const ledger = await eventually(async () => {
      const doc = await svc().app.get(ProjectionRunner).collection(seatLedger).findOne({ _id: programme });
      return doc && doc._position === events[events.length - 1].metadata.position ? doc : undefined;
    }).catch(async () => svc().app.get(ProjectionRunner).collection(seatLedger).findOne({ _id: programme }));
    expect(ledger).toMatchObject({
      places: 5,
      offersHeld: figures.summary.held,
      enrolled: figures.summary.enrolled,
      free: 0,
    });
  });

  it('JURY-4: offers that end at one instant expire in one sweep, and each of their deadlines is settled once', async () => {
    const programme = code('MS-SWEEP');
    const candidates = ['sweep-a', 'sweep-b', 'sweep-c', 'sweep-d'];
    await seedProgramme(svc(), programme, 4, candidates);
    const sessionId = await sessionSitting(programme, '2026-06-01T09:00:00+02:00');
    await decide(
      programme,
      sessionId,
      candidates.map((candidate) => [candidate, 'ADMITTED']),
    );

    await clock.set(new Date('2026-06-12T00:00:01+02:00'));
    await deadlines().waitForIdle();

    const expired = (await streamOf(svc(), programme)).filter((e) => e.type === 'OfferExpired');
    expect(expired).toHaveLength(4);
    const sweepers = new Set(expired.map((e) => e.metadata.causationId));
    expect(sweepers.size).toBe(1);
    const statuses = await Promise.all(
      candidates.map(async (candidate) => {
        const deadline = await deadlines().find(offerExpiryDeadlineId(offerOf(candidate)));
        return [deadline?.id, deadline?.status];
      }),
    );
    // The job that swept fired; the others were cancelled by the sweep, or (when one had already
    // been taken up) found nothing left to do and fired that.
    expect(statuses).toContainEqual([[...sweepers][0], 'FIRED']);
    expect(statuses.filter(([, status]) => status !== 'FIRED' && status !== 'CANCELLED')).toEqual([]);
  });
});
