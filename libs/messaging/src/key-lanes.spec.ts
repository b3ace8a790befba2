import { inKeyLanes, lanesWithinKey } from './key-lanes';
import type { IncomingMessage } from './message-bus.port';

interface Message {
  readonly key: string;
  readonly n: number;
}

const batch = (...keys: string[]): Message[] => keys.map((key, n) => ({ key, n }));
const keyOf = (message: Message) => message.key;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a batch handled in key lanes', () => {
  it("handles each key's messages in their order while other keys go on beside it", async () => {
    const seen: number[] = [];
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const outcome = inKeyLanes(batch('a', 'b', 'a', 'b', 'c'), keyOf, 3, async ({ n }) => {
      if (n === 0) await slow; // a's first message waits: b and c must not wait with it
      seen.push(n);
    });
    for (let i = 0; i < 5; i += 1) await tick();
    expect([...seen].sort()).toEqual([1, 3, 4]);
    expect(seen.indexOf(1)).toBeLessThan(seen.indexOf(3));
    releaseSlow();
    expect(await outcome).toEqual({ handledPrefix: 5 });
    expect(seen.filter((n) => n === 0 || n === 2)).toEqual([0, 2]);
  });

  it('never runs more lanes than asked', async () => {
    let inFlight = 0;
    let most = 0;
    await inKeyLanes(batch('a', 'b', 'c', 'd', 'e', 'f'), keyOf, 2, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      inFlight -= 1;
    });
    expect(most).toBe(2);
  });

  it('after a failure, moves the offset only past the handled prefix, and reports the failure', async () => {
    const boom = new Error('cannot handle');
    const handled: number[] = [];
    // Lanes a and b; b's second message (n = 3) fails after a's (n = 0, 2, 4) may have run.
    const outcome = await inKeyLanes(batch('a', 'b', 'a', 'b', 'a'), keyOf, 2, async ({ n }) => {
      if (n === 3) throw boom;
      handled.push(n);
    });
    expect(outcome.failure).toEqual({ error: boom });
    expect(outcome.handledPrefix).toBe(3);
    expect(handled).toEqual(expect.arrayContaining([0, 1, 2]));
    expect(handled).not.toContain(3);
  });

  it('stops taking messages once no longer running, and keeps the prefix handled', async () => {
    let running = true;
    const handled: number[] = [];
    const outcome = await inKeyLanes(
      batch('a', 'a', 'a'),
      keyOf,
      4,
      async ({ n }) => {
        handled.push(n);
        if (n === 1) running = false;
      },
      () => running,
    );
    expect(handled).toEqual([0, 1]);
    expect(outcome).toEqual({ handledPrefix: 2 });
  });
});

describe('lanes within a key', () => {
  const message = (key: string, value: string): IncomingMessage => ({
    topic: 't',
    partition: 0,
    offset: '0',
    timestamp: 0,
    key,
    value,
    headers: {},
  });
  const laneOf = lanesWithinKey((data) => (typeof data.candidateId === 'string' ? data.candidateId : undefined));

  it("puts a key's events naming different parts in different lanes, the same part in one", () => {
    const first = laneOf(message('programme-A', '{"candidateId":"c1","seat":1}'));
    expect(laneOf(message('programme-A', '{"candidateId":"c1"}'))).toBe(first);
    expect(laneOf(message('programme-A', '{"candidateId":"c2"}'))).not.toBe(first);
    // The same part under another key is another lane: keys never share one.
    expect(laneOf(message('programme-B', '{"candidateId":"c1"}'))).not.toBe(first);
  });

  it('keeps an event that names no part, or cannot be read, in the key’s own lane', () => {
    expect(laneOf(message('programme-A', '{"programmeCode":"A"}'))).toBe('programme-A');
    expect(laneOf(message('programme-A', 'not json'))).toBe('programme-A');
    expect(laneOf(message('programme-A', '"a string"'))).toBe('programme-A');
  });
});
