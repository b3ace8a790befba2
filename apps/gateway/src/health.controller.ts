import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from './session/session.store';

/** Live once it answers; ready when Redis, where the sessions are, answers too. */
@Controller('health')
export class HealthController {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  @Get('live')
  live(): object {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<object> {
    try {
      await this.redis.ping();
    } catch {
      throw new ServiceUnavailableException('Redis (sessions) does not answer');
    }
    return { status: 'ok' };
  }
}
