// P5, the deadline storm: every offer of P4 ends at the same 23:59:59.999 Paris instant (one batch,
// one day, JURY-4's ten days). At 23:59:59.990 the first admitted candidate of each programme
// enrols; then the jury's clock moves to the instant after the last one, and the offers' expiry
// jobs all fall due at once. Timed until every other offer shows as expired to its candidate and
// every freed seat that the waiting list can take shows as an offer to the next candidate (JURY-5):
// counted in the programmes' streams, then until the read models have folded them (checked once
// against the candidates' read model at the end);
// then the streams are read back: each offer expired exactly once, none of the enrolled ones, and
// never more seats taken than places.
import { DeadlineScheduler } from '@admissions/deadlines';
import { call, offerOf, replaySeats, streamOf } from '../../apps/jury/src/jury.int-helpers';
import type { MovedClockJury } from './moved-clock-jury';
import type { Curve } from './progress';

export interface P5Result {
  readonly offers: number;
  readonly expiresAt: string;
  readonly ms: number | undefined;
  readonly expired: Curve;
  readonly passedOn: Curve;
  /** Offers still held after the storm that should have expired. */
  readonly missed: number;
  /** Expiries recorded more than once for one offer. */
  readonly twice: number;
  /** Enrolments at 23:59:59.990: answered 200 and never expired afterwards. */
  readonly enrolments: { readonly tried: number; readonly won: number };
  /** Seats taken beyond a programme's places at any point of its stream (JURY-5). */
  readonly overbooked: number;
  /** No deadline due or job left waiting once the counts were reached. */
  readonly queueIdle: boolean;
}

export async function runP5(jury: MovedClockJury, timeoutMs: number): Promise<P5Result> {
  const offers = jury.programmes.reduce((sum, p) => sum + p.admitted.length, 0);
  const first = (await streamOf(jury.svc, jury.programmes[0].code)).find((e) => e.type === 'OfferMade');
  const expiresAt = Date.parse((first?.data as { expiresAt: string }).expiresAt);
  const enrolling = jury.programmes.map((p) => p.admitted[0]);
  await jury.clock.set(new Date(expiresAt - 9)); // 23:59:59.990
  const enrolled = await Promise.all(
    jury.programmes.map(async (p) => {
      const candidateId = p.admitted[0];
      const path = `/v1/programmes/${p.code}/offers/${encodeURIComponent(offerOf(candidateId))}/enrolment`;
      return (await call(jury.svc, jury.svc.token('candidate', candidateId), 'POST', path)).status === 200;
    }),
  );
  const toExpire = offers - enrolling.length;
  const waitlisted = jury.programmes.reduce((sum, p) => sum + p.waitlisted.length, 0);
  const toPassOn = jury.programmes.reduce((sum, p) => sum + Math.min(p.waitlisted.length, p.admitted.length - 1), 0);
  const started = performance.now();
  // The deadlines promote what fell due as the clock moves: part of the storm, so inside the timing.
  const moved = jury.clock.set(new Date(expiresAt + 1));
  const onWaitingList = new Set(jury.programmes.flatMap((p) => p.waitlisted));
  const [expired, passedOn] = await Promise.all([
    jury.watchShown('p5 expired', started, (event) => event.type === 'OfferExpired', toExpire, timeoutMs),
    // A waitlisted candidate given the seat gets an offer.
    jury.watchShown(
      'p5 passed on',
      started,
      (event) => event.type === 'OfferMade' && onWaitingList.has((event.data as { candidateId: string }).candidateId),
      toPassOn,
      timeoutMs,
    ),
    moved,
  ]);
  // Once, at the end: the candidates' read model agrees with what the streams said.
  const shown =
    (await jury.countOutcome('OFFER_EXPIRED')) >= toExpire &&
    waitlisted - (await jury.countOutcome('WAITLISTED')) >= toPassOn;
  const ms =
    !shown || expired.ms === undefined || passedOn.ms === undefined ? undefined : Math.max(expired.ms, passedOn.ms);
  const queueIdle = await jury.svc.app
    .get(DeadlineScheduler)
    .waitForIdle(timeoutMs)
    .then(
      () => true,
      () => false,
    );
  const audit = await auditStreams(jury, new Set(enrolling));
  const won = enrolled.filter((ok, i) => ok && !audit.expiredOffers.has(offerOf(enrolling[i]))).length;
  return {
    offers,
    expiresAt: new Date(expiresAt).toISOString(),
    ms,
    expired,
    passedOn,
    missed: toExpire - audit.expiredOnce,
    twice: audit.twice,
    enrolments: { tried: enrolling.length, won },
    overbooked: audit.overbooked,
    queueIdle,
  };
}

/** Each programme's stream read back: how many offers of the admitted expired once, twice, and the seats. */
async function auditStreams(jury: MovedClockJury, enrolling: ReadonlySet<string>) {
  const expiredOffers = new Map<string, number>();
  let overbooked = 0;
  for (const p of jury.programmes) {
    const events = await streamOf(jury.svc, p.code);
    for (const event of events) {
      if (event.type !== 'OfferExpired') continue;
      const { offerId } = event.data as { offerId: string };
      expiredOffers.set(offerId, (expiredOffers.get(offerId) ?? 0) + 1);
    }
    overbooked += Math.max(0, replaySeats(events).maxTaken - p.admitted.length);
  }
  const admitted = jury.programmes.flatMap((p) => p.admitted).filter((id) => !enrolling.has(id));
  return {
    expiredOffers,
    expiredOnce: admitted.filter((id) => expiredOffers.get(offerOf(id)) === 1).length,
    twice: [...expiredOffers.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    overbooked,
  };
}
