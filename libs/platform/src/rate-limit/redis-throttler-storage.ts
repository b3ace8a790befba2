import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { Counter } from 'prom-client';

/** What @nestjs/throttler expects back from a storage: seconds, not milliseconds. */
interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One fixed window per key, and a block once the limit is passed, in one script so that
 * replicas counting the same key at once never both let the last request through.
 * KEYS: hits, block (hash-tagged together). ARGV: window ms, limit, block ms.
 * Answers: hits, ms left in the window, blocked (0/1), ms left in the block.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or ARGV[2]), redis.call('PTTL', KEYS[1]), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, windowLeft, 1, tonumber(ARGV[3]) }
end
return { hits, windowLeft, 0, 0 }
`;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The throttler's counters in Redis, shared by every replica of a service. When Redis does not
 * answer, the request goes through (fail open): the limiter protects the service from abuse and
 * must not itself turn an outage of Redis into refused commands. Each such pass is counted
 * (`rate_limit_unavailable_total`) and the first of an outage logged.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly unavailable: Counter,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, windowLeft, blocked, blockLeft] = (await this.redis.eval(
        INCREMENT,
        2,
        `{${key}}:hits`,
        `{${key}}:block`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      if (this.failing) this.logger.log('Redis answers again: commands are limited again');
      this.failing = false;
      return {
        totalHits: hits,
        timeToExpire: seconds(windowLeft),
        isBlocked: blocked === 1,
        timeToBlockExpire: seconds(blockLeft),
      };
    } catch (error) {
      this.unavailable.inc();
      if (!this.failing)
        this.logger.warn(`Redis does not answer, commands are not limited meanwhile: ${String(error)}`);
      this.failing = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
