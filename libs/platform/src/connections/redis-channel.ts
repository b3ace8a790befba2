import type { Redis } from 'ioredis';

/** A process's subscription to one Redis pub/sub channel. */
export interface ChannelSubscription {
  /** Settles once subscribed, however long Redis is away; rejects only if subscribing fails outright. */
  readonly subscribed: Promise<void>;
  close(): void;
}

/**
 * Subscribes on a client of its own that waits for Redis for as long as it is away, rather than
 * giving up after ioredis's 20 tries (~75 s), which would leave the process deaf for good; ioredis
 * subscribes again after each reconnection. Messages on such channels are hints, never the truth.
 */
export function subscribeTo(redis: Redis, channel: string, onMessage: (message: string) => void): ChannelSubscription {
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  // It reconnects by itself; the shared client already reports Redis away.
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, message: string) => onMessage(message));
  let closed = false;
  const subscribed = subscriber.subscribe(channel).then(
    () => undefined,
    (error: unknown) => {
      if (!closed) throw error;
    },
  );
  return {
    subscribed,
    close: () => {
      closed = true;
      // Not quit(): with Redis away, it would wait in the offline queue until Redis is back.
      subscriber.disconnect();
    },
  };
}
