import { TIMEOUT_SWEEP_MS } from './kafkajs-idle-fix';

interface QueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internals have no types or ESM entry
const { prototype } = require('kafkajs/src/network/requestQueue') as {
  prototype: {
    scheduleCheckPendingRequests(this: QueueState): void;
    scheduleRequestTimeoutCheck(): void;
    destroy(): void;
  };
};

const queue = (pending: unknown[]): QueueState => ({
  pending,
  throttledUntil: -1, // as kafkajs starts: never throttled
  throttleCheckTimeoutId: null,
  checkPendingRequests: () => undefined,
});

describe('kafkajs request queue (idle fix)', () => {
  it('arms no timer while no request waits, so an idle connection does not wake the process', () => {
    const idle = queue([]);
    prototype.scheduleCheckPendingRequests.call(idle);
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a look when a request waits', () => {
    const waiting = queue([{}]);
    prototype.scheduleCheckPendingRequests.call(waiting);
    expect(waiting.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(waiting.throttleCheckTimeoutId ?? undefined);
  });
});

describe('kafkajs request timeouts (idle fix)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A connected queue with one request in flight, sent `ageMs` ago with kafkajs's default timeout. */
  const connection = (ageMs: number, timedOut: () => void) =>
    Object.assign(Object.create(prototype) as typeof prototype, {
      inflight: new Map([[1, { sentAt: Date.now() - ageMs, requestTimeout: 30_000, timeoutRequest: timedOut }]]),
      enforceRequestTimeout: true,
      isConnected: () => true,
      throttleCheckTimeoutId: null,
    });

  it('one timer for all connections, not one each, and it stops with the last connection', () => {
    const connections = [connection(0, () => undefined), connection(0, () => undefined)];
    for (const c of connections) c.scheduleRequestTimeoutCheck();
    expect(jest.getTimerCount()).toBe(1);
    for (const c of connections) c.destroy();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('times out a request in flight past its timeout within a sweep, and only that one', () => {
    const timedOut: string[] = [];
    const late = connection(29_500, () => timedOut.push('late'));
    const fresh = connection(0, () => timedOut.push('fresh'));
    for (const c of [late, fresh]) c.scheduleRequestTimeoutCheck();
    jest.advanceTimersByTime(TIMEOUT_SWEEP_MS);
    expect(timedOut).toEqual(['late']);
    for (const c of [late, fresh]) c.destroy();
  });
});
