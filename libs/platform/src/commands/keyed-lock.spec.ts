import { KeyedLock } from './keyed-lock';

describe('KeyedLock', () => {
  it('runs the tasks of one key one at a time, in order, even when one fails', async () => {
    const lock = new KeyedLock();
    const trace: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        trace.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        trace.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      lock.run('a', task('a1', 20, true)),
      lock.run('a', task('a2', 1)),
      lock.run('b', task('b1', 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(trace.indexOf('start a2')).toBeGreaterThan(trace.indexOf('end a1'));
    expect(trace.indexOf('start b1')).toBeLessThan(trace.indexOf('end a1'));
  });
});
