import IORedis, { type Redis } from 'ioredis';

/** A Redis URL, or an existing client whose options are copied (the client itself is not used). */
export type DeadlineRedis = string | Redis;

/**
 * A dedicated connection for a BullMQ Queue or Worker. Workers block on Redis, so they need
 * `maxRetriesPerRequest: null` (BullMQ refuses otherwise); the queue gets the same so a Redis
 * restart makes calls wait instead of failing after 20 retries.
 */
export function bullConnection(redis: DeadlineRedis): Redis {
  if (typeof redis === 'string') return new IORedis(redis, { maxRetriesPerRequest: null });
  return redis.duplicate({ maxRetriesPerRequest: null });
}
