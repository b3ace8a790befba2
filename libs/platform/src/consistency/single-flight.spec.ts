import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('shares one read among the callers that ask while it is in flight, and reads again after', async () => {
    let reads = 0;
    let finish: (value: number) => void = () => undefined;
    const read = singleFlight((key: string) => {
      reads += 1;
      return new Promise<number>((resolve) => (finish = (value) => resolve(value + key.length)));
    });
    const together = [read('ab'), read('ab'), read('ab')];
    finish(1);
    expect(await Promise.all(together)).toEqual([3, 3, 3]);
    expect(reads).toBe(1);
    const later = read('ab');
    finish(5);
    expect(await later).toBe(7);
    expect(reads).toBe(2);
  });
});
