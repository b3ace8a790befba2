// P4, the admission day: every programme's jury posts its whole session at once (the batch route,
// JURY-2), admitting its candidates (each an offer, JURY-4, and its expiry job) and waitlisting
// the rest. Timed from the first batch sent until every offer shows in its candidate's
// applications (the read model GET /v1/me/applications answers from: the offers counted in the
// programmes' streams, then until the read models have folded them; the read model counted once
// at the end) and every expiry deadline is pending with its BullMQ job delayed. Baseline: one raw insertMany of as many offer documents and
// one BullMQ addBulk of as many delayed jobs, in the same run.
import { call } from '../../apps/jury/src/jury.int-helpers';
import type { MovedClockJury } from './moved-clock-jury';
import { type Curve, timed, watchUntil } from './progress';

export interface P4Result {
  readonly offers: number;
  /** Until both curves reached every offer; undefined: not within the time given. */
  readonly ms: number | undefined;
  readonly baselineMs: number;
  readonly visible: Curve;
  readonly scheduled: Curve;
  /** Candidates whose GET /v1/me/applications shows their offer, read once all were counted. */
  readonly seenOverHttp: number;
}

const TEN_DAYS_MS = 10 * 86_400_000;

export async function runP4(jury: MovedClockJury, timeoutMs: number): Promise<P4Result> {
  const offers = jury.programmes.reduce((sum, p) => sum + p.admitted.length, 0);
  const queue = jury.queue('deadlines-jury');
  const pending = jury.db.collection('deadlines_schedules');
  try {
    const started = performance.now();
    const decided = Promise.all(jury.programmes.map((p) => decideSession(jury, p)));
    const [visible, scheduled] = await Promise.all([
      jury.watchShown('p4 offers', started, (event) => event.type === 'OfferMade', offers, timeoutMs),
      watchUntil(
        started,
        async () => Math.min(await pending.countDocuments({ status: 'PENDING' }), await queue.getDelayedCount()),
        offers,
        timeoutMs,
      ),
      decided,
    ]);
    // Once, at the end: the candidates' read model agrees with what the streams said.
    const shown = (await jury.countOutcome('ADMITTED')) >= offers;
    const ms =
      !shown || visible.ms === undefined || scheduled.ms === undefined ? undefined : Math.max(visible.ms, scheduled.ms);
    const seenOverHttp = await offersSeenOverHttp(jury);
    const baselineMs = await rawOffers(jury, offers);
    return { offers, ms, baselineMs, visible, scheduled, seenOverHttp };
  } finally {
    await queue.close();
  }
}

async function decideSession(jury: MovedClockJury, p: MovedClockJury['programmes'][number]): Promise<void> {
  const decisions = [
    ...p.admitted.map((candidateId) => ({
      candidateId,
      decision: 'ADMITTED',
      reason: 'Dossier solide, avis favorable',
    })),
    ...p.waitlisted.map((candidateId) => ({ candidateId, decision: 'WAITLISTED', reason: 'Places limitées' })),
  ];
  const path = `/v1/programmes/${p.code}/sessions/${p.sessionId}/decisions/batch`;
  const answer = await call(jury.svc, jury.juror(), 'POST', path, { decisions });
  if (answer.status !== 201) throw new Error(`P4: the batch of ${p.code} answered ${answer.status}`);
}

/** Each admitted candidate's own view, 16 at a time: the offer is there, as the candidate reads it. */
async function offersSeenOverHttp(jury: MovedClockJury): Promise<number> {
  const candidates = jury.programmes.flatMap((p) => p.admitted);
  let seen = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < candidates.length) {
        const candidateId = candidates[next++];
        const mine = await call<{ offerId?: string | null }[]>(
          jury.svc,
          jury.svc.token('candidate', candidateId),
          'GET',
          '/v1/me/applications',
        );
        if (mine.status === 200 && mine.body.some((application) => application.offerId)) seen += 1;
      }
    }),
  );
  return seen;
}

/** The same count of offers with the raw driver and BullMQ: one insertMany, one addBulk. */
async function rawOffers(jury: MovedClockJury, count: number): Promise<number> {
  const collection = jury.db.collection<{ _id: string }>('load_raw_offers');
  const queue = jury.queue('load-raw-offers');
  const madeAt = jury.clock.now();
  const documents = Array.from({ length: count }, (_, i) => ({
    _id: `raw-offer-${i}`,
    candidateId: `raw-${i}`,
    origin: 'ADMISSION',
    madeAt: madeAt.toISOString(),
    expiresAt: new Date(madeAt.getTime() + TEN_DAYS_MS).toISOString(),
  }));
  const jobs = documents.map((offer) => ({
    name: 'ExpireOffer',
    data: { deadlineId: `offer-expiry:${offer._id}` },
    opts: { jobId: offer._id, delay: TEN_DAYS_MS, removeOnComplete: true, removeOnFail: true },
  }));
  try {
    return await timed(async () => {
      await collection.insertMany(documents, { ordered: false });
      await queue.addBulk(jobs);
    });
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    await collection.drop();
  }
}
