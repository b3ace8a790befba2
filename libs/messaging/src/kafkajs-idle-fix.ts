// kafkajs 2.2.4 re-arms a timer after every look at a connection's queue of waiting requests, even
// an empty one, with a negative delay (-Date.now()) that Node turns into 1 ms: each idle connection
// woke its process about 1,000 times a second (measured: ~1,300 epoll wake-ups/s and 6-7 % of a core
// per idle service). Nothing needs looking at while nothing waits: a request that has to wait
// schedules its own look. kafkajs has had no release since 2023 (pinned at 2.2.4), so the fix is here.
interface RequestQueue {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internals have no types or ESM entry
const RequestQueueClass = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueue };

const schedule = RequestQueueClass.prototype.scheduleCheckPendingRequests;

RequestQueueClass.prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenWaiting(this: RequestQueue) {
  if (this.pending.length > 0) schedule.call(this);
};
