// `npm run load`'s P4 and P5 (bench/load) at reduced size, on the real servers: outcomes only,
// never timings (those are the load run's figures, docs/benchmarks.md). The jury is booted in
// this process on a moved clock, on a Redis database of its own.
import { MovedClockJury } from '../bench/load/moved-clock-jury';
import { runP4 } from '../bench/load/p4-offer-batch';
import { runP5 } from '../bench/load/p5-deadline-storm';

const REDIS_DB = Number(process.env.ADMISSION_DAY_TEST_REDIS_DB ?? 6);

describe('admission day at reduced size: 60 offers over 3 programmes', () => {
  let jury: MovedClockJury;

  beforeAll(async () => {
    jury = await MovedClockJury.start(60, REDIS_DB, `t${Date.now().toString(36).slice(-5)}`, 20);
    await jury.seed();
    await jury.sitSessions();
  });

  afterAll(async () => {
    await jury?.close();
  });

  it('JURY-4: every offer of the batches reaches its candidate with its expiry job; at the instant all expire once, the seats go to the waiting list, and an enrolment at 23:59:59.990 wins', async () => {
    const p4 = await runP4(jury, 60_000);
    expect(p4.visible.ms).toBeDefined();
    expect(p4.scheduled.ms).toBeDefined();
    expect(p4.seenOverHttp).toBe(60);

    const p5 = await runP5(jury, 60_000);
    expect(p5.expiresAt).toBe('2027-01-21T22:59:59.999Z'); // 23:59:59.999 in Paris, ten days after the session
    expect(p5.expired.ms).toBeDefined();
    expect(p5.passedOn).toMatchObject({ target: 12 }); // 4 waitlisted a programme, all given a seat
    expect(p5.passedOn.ms).toBeDefined();
    expect({ missed: p5.missed, twice: p5.twice, overbooked: p5.overbooked }).toEqual({
      missed: 0,
      twice: 0,
      overbooked: 0,
    });
    expect(p5.enrolments).toEqual({ tried: 3, won: 3 });
    expect(p5.queueIdle).toBe(true);
  }, 120_000);
});
