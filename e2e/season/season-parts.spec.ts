// The season's pure parts, without any service: percentiles, the jury calendar, the run's bounds,
// the task pool and the propagation watch.
import { seasonConfig, urlsFromEnv } from './config';
import { sessionInstant } from './jury-time';
import { PropagationWatch } from './propagation-watch';
import { distribution } from './stats';
import { TaskPool } from './task-pool';

const urls = urlsFromEnv({});

describe('distribution', () => {
  it('gives nearest-rank percentiles, each a measured value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(distribution(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(distribution([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(distribution([])).toBeUndefined();
  });
});

describe('sessionInstant (JURY-1)', () => {
  it('convenes the jury shortly when the month allows it', () => {
    expect(sessionInstant(new Date('2027-03-10T09:00:00Z'), 20_000).toISOString()).toBe('2027-03-10T09:00:20.000Z');
  });

  it('from August to December, on 15 January at 10:00 Paris time', () => {
    expect(sessionInstant(new Date('2026-12-01T23:05:00Z'), 20_000).toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(sessionInstant(new Date('2027-07-31T21:59:50Z'), 20_000).toISOString()).toBe('2028-01-15T09:00:00.000Z');
  });
});

describe('seasonConfig', () => {
  it('takes npm start’s ports from the environment', () => {
    expect(urlsFromEnv({ REVIEW_PORT: '33002', JURY_URL: 'http://127.0.0.1:4000' })).toEqual({
      candidacy: 'http://127.0.0.1:3001',
      review: 'http://127.0.0.1:33002',
      jury: 'http://127.0.0.1:4000',
      notification: 'http://127.0.0.1:3004',
    });
  });

  it('refuses more than the full season, a poll outside 100-250 ms and any host but 127.0.0.1', () => {
    expect(seasonConfig({ urls }).candidates).toBe(2_000);
    expect(() => seasonConfig({ urls, candidates: 2_001 })).toThrow('candidates must be a whole number from 1 to 2000');
    expect(() => seasonConfig({ urls, pollMs: 50 })).toThrow('pollMs');
    expect(() => seasonConfig({ urls, candidates: 4 })).toThrow('4 candidates cannot fill 6 programmes');
    expect(() => seasonConfig({ urls: { ...urls, jury: 'http://localhost:3003' } })).toThrow('jury');
    expect(() => seasonConfig({ urls: { ...urls, review: 'http://10.0.0.2:3002' } })).toThrow('127.0.0.1');
  });

  it("takes a run id of capital letters and digits, so that two runs can share their programmes' layout", () => {
    expect(seasonConfig({ urls }).runId).toBeUndefined();
    expect(seasonConfig({ urls, runId: 'AO3GFD3B' }).runId).toBe('AO3GFD3B');
    expect(() => seasonConfig({ urls, runId: 'ao3g-fd3b' })).toThrow('runId must be 4 to 16 capital letters or digits');
  });
});

describe('TaskPool', () => {
  it('runs at most its size at once, and refuses what waits once stopped', async () => {
    const stop = new AbortController();
    const pool = new TaskPool(2, stop.signal);
    let running = 0;
    let most = 0;
    const task = async () => {
      most = Math.max(most, (running += 1));
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 7 }, () => pool.run(task)));
    expect(most).toBe(2);

    const slow = () => new Promise((resolve) => setTimeout(resolve, 20));
    const busy = [pool.run(slow), pool.run(slow)];
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = pool.run(task);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await Promise.all(busy);
    expect(running).toBe(0);
  });
});

/** A watch of inboxes every 20 ms, one read in flight, each read taking `readMs`; they show what `visible` holds. */
function inboxWatch(readMs: number) {
  const visible = new Set<string>();
  const probe = async (group: string) => {
    await new Promise((resolve) => setTimeout(resolve, readMs));
    return visible.has(group) ? new Set([group]) : new Set<string>();
  };
  const watch = new PropagationWatch(
    probe,
    { everyMs: 20, timeoutMs: 5_000, maxInFlight: 1 },
    new AbortController().signal,
  );
  return { visible, watch };
}

describe('PropagationWatch', () => {
  it('resolves with the delay to the first read that shows the key, and gives up after its timeout', async () => {
    const visible = new Set<string>();
    const reads: string[] = [];
    const probe = async (group: string) => {
      reads.push(group);
      return visible;
    };
    const watch = new PropagationWatch(
      probe,
      { everyMs: 20, timeoutMs: 300, maxInFlight: 1 },
      new AbortController().signal,
    );
    const since = performance.now();
    const seen = watch.expect('lead-1', 'file-1', since);
    const never = watch.expect('lead-2', 'file-2', since);
    setTimeout(() => visible.add('file-1'), 60);

    expect(await seen).toBeGreaterThanOrEqual(60);
    expect(await never).toBeUndefined();
    // Both groups were read in turn, one at a time.
    expect(reads).toEqual(expect.arrayContaining(['lead-1', 'lead-2']));
  });

  it('reads the groups asked first before the others, so that many waiting groups do not delay them', async () => {
    const { visible, watch } = inboxWatch(5);
    const since = performance.now();
    // 200 inboxes waiting, one read at a time of 5 ms: a turn among them takes over a second.
    const others = Array.from({ length: 200 }, (_, i) => watch.expect(`c-${i}`, `c-${i}`, since));
    const timed = watch.expect('c-timed', 'c-timed', since, true);
    setTimeout(() => visible.add('c-timed'), 50);

    const delay = await timed;
    expect(delay).toBeGreaterThanOrEqual(50);
    expect(delay).toBeLessThan(50 + 20 + 5 + 400); // within an interval and a read (and the timers' slack)
    for (let i = 0; i < 200; i += 1) visible.add(`c-${i}`);
    expect((await Promise.all(others)).every((ms) => ms !== undefined)).toBe(true);
  });

  it("reads each group asked first at every interval, however many of them wait, outside the others' turns", async () => {
    const { visible, watch } = inboxWatch(40);
    const since = performance.now();
    // Ten timed inboxes and one other: in turns of one read of 40 ms, a round of them takes 440 ms.
    const timed = Array.from({ length: 10 }, (_, i) => watch.expect(`t-${i}`, `t-${i}`, since, true));
    const other = watch.expect('c-0', 'c-0', since);
    setTimeout(() => ['c-0', ...Array.from({ length: 10 }, (_, i) => `t-${i}`)].forEach((g) => visible.add(g)), 50);

    const delays = (await Promise.all(timed)) as number[];
    expect(Math.max(...delays)).toBeLessThan(50 + 20 + 2 * 40 + 100); // an interval and a read or two, and slack
    expect(await other).toBeGreaterThanOrEqual(50);
  });

  it('gives up at once when the run stops', async () => {
    const stop = new AbortController();
    const watch = new PropagationWatch(
      async () => new Set(),
      { everyMs: 20, timeoutMs: 60_000, maxInFlight: 1 },
      stop.signal,
    );
    const pending = watch.expect('lead-1', 'file-1', performance.now());
    stop.abort();
    expect(await pending).toBeUndefined();
    expect(await watch.expect('lead-1', 'file-2', performance.now())).toBeUndefined();
  });
});
