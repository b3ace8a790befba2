import { KafkaTopicAdmin } from '@admissions/messaging';
import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import { DeploymentNames } from '../config/deployment-names';
import { SERVICE_NAME } from '../config/platform-config.module';
import type { Db } from '../connections/mongo-database';
import { StartupSteps } from '../resilience/startup-steps';
import { KAFKA, METRICS_REGISTRY, MONGO_DB } from '../tokens';
import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLetterReplays } from './dead-letter-replays';
import { DeadLetters } from './dead-letters';
import { DeadLettersController } from './dead-letters.controller';

@Injectable()
class ReplaysIndex implements OnApplicationBootstrap {
  constructor(
    private readonly replays: DeadLetterReplays,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('dead-letter replays index', () => this.replays.ensureIndex());
  }
}

/**
 * The admin's dead-letter API of a service (`/v1/dead-letters`) and its metrics. Needs the
 * service's EventSourcingModule (its topic admin).
 */
@Module({
  controllers: [DeadLettersController],
  providers: [
    { provide: DeadLetterReplays, inject: [MONGO_DB], useFactory: (db: Db) => new DeadLetterReplays(db) },
    {
      provide: DeadLetters,
      inject: [SERVICE_NAME, KAFKA, DeploymentNames, KafkaTopicAdmin, DeadLetterReplays],
      useFactory: (
        service: string,
        kafka: Kafka,
        names: DeploymentNames,
        admin: KafkaTopicAdmin,
        replays: DeadLetterReplays,
      ) => {
        const logger = new Logger('DeadLetters');
        return new DeadLetters(service, kafka, names, admin, replays, {
          info: (message, context) => logger.log({ ...context, msg: message }),
        });
      },
    },
    {
      provide: DeadLetterMetrics,
      inject: [METRICS_REGISTRY, DeadLetters],
      useFactory: (registry: Registry, letters: DeadLetters) => new DeadLetterMetrics(registry, letters),
    },
    ReplaysIndex,
  ],
})
export class DeadLettersModule {}
