import type { ReadProgress } from '@admissions/messaging';

export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
/** A terminal redraws its line at most this often; a log file gets a line this often. */
const TTY_EVERY_MS = 100;
const LOG_EVERY_MS = 5000;

/**
 * Messages read out of the topic's total, on stderr: a bar redrawn in place on a terminal,
 * a plain line every few seconds in a log (CI, a redirect), and always the final count.
 */
export class ProgressDisplay {
  private lastShownAt = -Infinity;
  private last?: ReadProgress;

  constructor(
    private readonly out: ProgressOutput,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: ReadProgress): void {
    this.last = progress;
    const at = this.now();
    if (at - this.lastShownAt < (this.out.isTTY ? TTY_EVERY_MS : LOG_EVERY_MS)) return;
    this.lastShownAt = at;
    this.show(progress);
  }

  /** The last count, whatever the throttle; a terminal's line is ended. */
  finish(): void {
    if (this.last) this.show(this.last);
    if (this.out.isTTY && this.last) this.out.write('\n');
  }

  private show({ read, total }: ReadProgress): void {
    const share = total === 0 ? 1 : read / total;
    const counts = `${read.toLocaleString('en')} / ${total.toLocaleString('en')} messages (${Math.floor(share * 100)}%)`;
    if (!this.out.isTTY) {
      this.out.write(`${this.label}: ${counts}\n`);
      return;
    }
    const filled = Math.round(share * BAR_WIDTH);
    this.out.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${counts}\x1b[K`);
  }
}
