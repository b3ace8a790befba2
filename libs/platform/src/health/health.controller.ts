import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { RETRY_AFTER_SECONDS } from '../errors/problem-details';
import {
  KafkaHealthIndicator,
  MongoHealthIndicator,
  RedisHealthIndicator,
  StartupHealthIndicator,
} from './health.indicators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly startup: StartupHealthIndicator,
  ) {}

  /** Liveness: the process runs and its event loop answers; nothing outside is asked. */
  @Get('live')
  @ApiOkResponse({
    description: 'The process is alive',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: MongoDB, Kafka and Redis all answer and every start-up step is done; otherwise 503
   * with Retry-After and each one's state.
   */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({
    description: 'A dependency does not answer, or a start-up step is still pending',
    headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } },
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.health.check([
        () => this.mongo.check(),
        () => this.kafka.check(),
        () => this.redis.check(),
        () => this.startup.check(),
      ]);
    } catch (error) {
      // Terminus's report (which dependency is down, and why) is the useful body for a probe.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return error.getResponse();
    }
  }
}
