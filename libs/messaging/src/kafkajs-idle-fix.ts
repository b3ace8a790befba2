// kafkajs 2.2.4 keeps idle connections busy in two ways, fixed here since kafkajs has had no release
// since 2023 (pinned at 2.2.4).
//
// 1. It re-arms a timer after every look at a connection's queue of waiting requests, even an empty
// one, with a negative delay (-Date.now()) that Node turns into 1 ms: each idle connection woke its
// process about 1,000 times a second (measured: ~1,300 epoll wake-ups/s and 6-7 % of a core per idle
// service). Nothing needs looking at while nothing waits: a request that has to wait schedules its
// own look.
//
// 2. Each connection checks its requests in flight for a timeout every 100 ms, on an interval of its
// own: a service's dozen connections (consumers, producers, admin) woke it about 100 times a second
// (measured: 42 epoll wake-ups/s of an idle service). One sweep a second over all connections
// enforces the same timeouts (30 s by default, 2 s at the least in the tests), a second late at most.
interface InflightRequest {
  sentAt: number;
  requestTimeout: number;
  timeoutRequest(): void;
}

interface RequestQueue {
  pending: unknown[];
  inflight: Map<number, InflightRequest>;
  enforceRequestTimeout: boolean;
  isConnected(): boolean;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  destroy(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internals have no types or ESM entry
const RequestQueueClass = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueue };
const { prototype } = RequestQueueClass;

const schedule = prototype.scheduleCheckPendingRequests;

prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenWaiting(this: RequestQueue) {
  if (this.pending.length > 0) schedule.call(this);
};

export const TIMEOUT_SWEEP_MS = 1000;

const watched = new Set<RequestQueue>();
let sweeper: NodeJS.Timeout | undefined;

/** What each connection's own interval did: time out overdue requests, let go of a closed connection. */
function sweep(): void {
  const now = Date.now();
  for (const queue of watched) {
    queue.inflight.forEach((request) => {
      if (now - request.sentAt > request.requestTimeout) request.timeoutRequest();
    });
    if (!queue.isConnected()) queue.destroy();
  }
}

prototype.scheduleRequestTimeoutCheck = function sweptWithTheOthers(this: RequestQueue) {
  if (!this.enforceRequestTimeout) return;
  this.destroy();
  watched.add(this);
  // The sockets keep the process alive, not this sweep.
  sweeper ??= setInterval(sweep, TIMEOUT_SWEEP_MS).unref();
};

const destroy = prototype.destroy;

prototype.destroy = function destroyAndUnwatch(this: RequestQueue) {
  destroy.call(this);
  watched.delete(this);
  if (watched.size === 0) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
};
