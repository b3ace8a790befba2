import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { shutdownStep } from './shutdown-step';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * The start-up work that needs the servers (indexes, topics, consumers, workers, seeds), run in
 * the background so that a service starts, serves /health/live and answers 503 whatever the
 * order in which it and its servers come up. Each step is retried with backoff until it succeeds;
 * readiness stays 503 while one is pending.
 */
@Injectable()
export class StartupSteps implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Startup');
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;
  private readonly wakeUps = new Set<() => void>();

  /** Starts `step` now and again after each failure; `name` says what readiness waits for. */
  run(name: string, step: () => Promise<void>): void {
    if (this.running.has(name)) throw new Error(`start-up step "${name}" is already registered`);
    const attempt = this.retry(name, step).finally(() => this.running.delete(name));
    this.running.set(name, attempt);
  }

  /** The steps not done yet. */
  pending(): string[] {
    return [...this.running.keys()];
  }

  /** Resolves once every step registered so far has succeeded (or the app stops). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUps.forEach((wake) => wake());
    await shutdownStep(
      `start-up steps (${this.pending().join(', ')})`,
      () => this.settled(),
      (message) => this.logger.warn(message),
    );
  }

  private async retry(name: string, step: () => Promise<void>): Promise<void> {
    let delay = FIRST_DELAY_MS;
    let lastReason = '';
    for (;;) {
      if (this.stopped) return;
      try {
        await step();
        if (lastReason) this.logger.log(`${name}: started after retries`);
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        // One line per new reason, not per attempt: a server away for minutes would flood the log.
        if (reason !== lastReason) this.logger.warn(`${name}: not started yet (${reason}); retrying`);
        lastReason = reason;
      }
      await this.pause(delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUps.add(wake);
    });
  }
}
