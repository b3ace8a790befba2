import { StartupSteps } from '@admissions/platform';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeadlineScheduler } from './deadline-scheduler';

/**
 * Starts the service's DeadlineScheduler as a start-up step (retried until MongoDB and Redis
 * answer, so the service starts in any order) and closes it on shutdown.
 */
@Injectable()
export class DeadlinesLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('deadlines', () => this.scheduler.start());
  }

  onApplicationShutdown(): Promise<void> {
    return this.scheduler.close();
  }
}
