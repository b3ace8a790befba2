import './kafkajs-idle-fix';

interface QueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internals have no types or ESM entry
const { prototype } = require('kafkajs/src/network/requestQueue') as {
  prototype: { scheduleCheckPendingRequests(this: QueueState): void };
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
