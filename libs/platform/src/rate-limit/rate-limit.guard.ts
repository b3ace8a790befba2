import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimitedError } from '../errors/problem-details';

/** @nestjs/throttler's guard, refusing with the platform's 429 problem and `Retry-After`. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const [, scope] = /:(user|address|upload):/.exec(detail.key) ?? [];
    throw new RateLimitedError(scope ?? 'user', detail.limit, detail.ttl / 1000, Math.max(1, detail.timeToBlockExpire));
  }
}
