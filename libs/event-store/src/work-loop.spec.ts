import { WorkLoop } from './work-loop';

const quiet = { warn: () => undefined };

/** A step that finds `work` items on its next calls, then none; it records when each call came. */
function steps(work: number[]) {
  const calls: number[] = [];
  return {
    calls,
    step: async () => {
      calls.push(Date.now());
      return work.shift() ?? 0;
    },
  };
}

describe('WorkLoop', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('lets work gather for gatherMs after a round that found some, and runs at once when woken from sleep', async () => {
    const { calls, step } = steps([3, 2]);
    const loop = new WorkLoop(step, { name: 'test', idleMs: 10_000, gatherMs: 50 }, quiet);
    loop.start();
    await jest.advanceTimersByTimeAsync(200);
    expect(calls).toEqual([0, 50, 100]); // work, work, then nothing: asleep until woken

    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([0, 50, 100, 200]);
    await loop.stop();
  });

  it('without gatherMs, runs the next round right after one that found work', async () => {
    const { calls, step } = steps([3, 2]);
    const loop = new WorkLoop(step, { name: 'test', idleMs: 10_000 }, quiet);
    loop.start();
    await jest.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(3);
    expect(Math.max(...calls)).toBeLessThanOrEqual(1); // a turn of the event loop, no timer
    await loop.stop();
  });
});
