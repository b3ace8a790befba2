/**
 * Runs at most `size` tasks at a time, in the order they were given. Once `stop` aborts, the
 * tasks still waiting are refused with its reason instead of being started.
 */
export class TaskPool {
  private busy = 0;
  private readonly waiting: { resolve: () => void; reject: (reason: unknown) => void }[] = [];

  constructor(
    private readonly size: number,
    private readonly stop: AbortSignal,
  ) {
    stop.addEventListener('abort', () => this.waiting.splice(0).forEach((w) => w.reject(stop.reason)), { once: true });
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    this.stop.throwIfAborted();
    await this.acquire();
    try {
      this.stop.throwIfAborted();
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.busy < this.size) {
      this.busy += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** The slot passes straight to the next waiting task, so that a newcomer cannot take it in between. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.busy -= 1;
  }
}
