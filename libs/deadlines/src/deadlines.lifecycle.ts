import { shutdownStep, StartupSteps } from '@admissions/platform';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeadlineScheduler } from './deadline-scheduler';

/**
 * Starts the service's DeadlineScheduler as a start-up step (retried until MongoDB and Redis
 * answer, so the service starts in any order) and closes it on shutdown.
 */
@Injectable()
export class DeadlinesLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('deadlines', () => this.scheduler.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await shutdownStep(
      'deadline scheduler',
      () => this.scheduler.close(),
      (message) => this.logger.warn(message),
    );
  }
}
