export interface WorkLoopLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface WorkLoopOptions {
  readonly name: string;
  /** The fallback: how long to wait for a wake-up before looking again (reads by _id only). */
  readonly idleMs: number;
  /**
   * When set, each look that finds nothing doubles the wait, up to this, until work or a wake-up
   * comes: an idle process looks rarely, while work found soon after more work is found soon.
   */
  readonly maxIdleMs?: number;
  readonly maxBackoffMs?: number;
  /**
   * After a round that found work, how long to let more gather before the next (0: none). A round
   * costs the servers a handful of commands whatever it carries: under a steady stream of work,
   * rounds of one item each would cost that handful per item. A loop woken from sleep runs at once.
   */
  readonly gatherMs?: number;
}

/**
 * Runs a step again at once while it finds work, sleeps while it finds none until woken (by the
 * code that produced new work) or until the fallback period passes, and backs off on failures.
 * So an idle service costs one cheap look per period, and a busy one never waits on a timer.
 */
export class WorkLoop {
  private running = false;
  private loop?: Promise<void>;
  private woken = false;
  private sleeping?: { readonly wakeable: boolean; readonly end: () => void };

  constructor(
    private readonly step: () => Promise<number>,
    private readonly options: WorkLoopOptions,
    private readonly logger: WorkLoopLogger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeping?.end();
    await this.loop;
  }

  /** There is new work: run the step now (or right after the run in progress). */
  wake(): void {
    this.woken = true;
    if (this.sleeping?.wakeable) this.sleeping.end();
  }

  private async run(): Promise<void> {
    let failures = 0;
    let idleMs = this.options.idleMs;
    while (this.running) {
      const woken = this.woken;
      this.woken = false;
      let worked = 0;
      try {
        worked = await this.step();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(`${this.options.name}: will retry`, { error: String(error), failures });
      }
      if (!this.running) break;
      if (worked > 0 || woken) idleMs = this.options.idleMs;
      if (failures > 0) await this.sleep(Math.min(this.options.maxBackoffMs ?? 5000, 100 * 2 ** failures), false);
      else if (worked === 0 && !this.woken) {
        await this.sleep(idleMs, true);
        idleMs = Math.min(idleMs * 2, this.options.maxIdleMs ?? idleMs);
      } else if (worked > 0 && this.options.gatherMs) await this.sleep(this.options.gatherMs, false);
      else await new Promise((resolve) => setImmediate(resolve)); // let requests in between rounds
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.sleeping = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.sleeping = { wakeable, end };
    });
  }
}
