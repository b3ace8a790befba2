import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { StartupModule } from '../resilience/startup.module';
import {
  KafkaHealthIndicator,
  MongoHealthIndicator,
  RedisHealthIndicator,
  StartupHealthIndicator,
} from './health.indicators';

@Module({
  // Terminus logs every failed check with a stack; the 503 body already says what is down.
  imports: [TerminusModule.forRoot({ logger: false }), StartupModule],
  controllers: [HealthController],
  providers: [MongoHealthIndicator, KafkaHealthIndicator, RedisHealthIndicator, StartupHealthIndicator],
})
export class HealthModule {}
