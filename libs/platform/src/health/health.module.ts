import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator, MongoHealthIndicator, RedisHealthIndicator } from './health.indicators';

@Module({
  // Terminus logs every failed check with a stack; the 503 body already says what is down.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [MongoHealthIndicator, KafkaHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
