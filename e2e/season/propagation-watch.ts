/** Reads one group (a lead's worklist, a candidate's inbox): the keys visible there now, or undefined when the read failed. */
export type Probe = (group: string) => Promise<ReadonlySet<string> | undefined>;

export interface WatchSettings {
  /** Each group is read at most this often, and only while a key is awaited in it. */
  readonly everyMs: number;
  /** A key not seen within this is given up (undefined). */
  readonly timeoutMs: number;
  /** Reads in flight at once, whatever the number of groups. */
  readonly maxInFlight: number;
}

interface Awaited {
  readonly since: number;
  readonly resolve: (delayMs: number | undefined) => void;
}

/**
 * Measures how long a write takes to show in a read model: `expect(group, key, since)` resolves
 * with the milliseconds from `since` (a performance.now() taken when the write answered) to the
 * answer of the first read of `group` that shows `key`. The figure is an upper bound, by at most
 * one poll interval plus one read. The watch's own load stays bounded: the least recently read
 * groups go first, never more than `maxInFlight` at once.
 */
export class PropagationWatch {
  private readonly pending = new Map<string, Map<string, Awaited>>();
  /** Groups read before the others at every tick (see `expect`). */
  private readonly first = new Set<string>();
  private readonly lastRead = new Map<string, number>();
  private readonly reading = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: Probe,
    private readonly settings: WatchSettings,
    private readonly stop: AbortSignal,
  ) {
    stop.addEventListener('abort', () => this.giveUp(() => true), { once: true });
  }

  /**
   * `first`: the group is read before every other due one. A few such groups are read every
   * interval however many others wait, so their figures stay within one interval of the truth,
   * where the others' grow with the number of groups that wait at once (each its turn among
   * `maxInFlight` reads).
   */
  expect(group: string, key: string, since: number, first = false): Promise<number | undefined> {
    if (this.stop.aborted) return Promise.resolve(undefined);
    if (first) this.first.add(group);
    return new Promise((resolve) => {
      const keys = this.pending.get(group) ?? new Map<string, Awaited>();
      keys.set(key, { since, resolve });
      this.pending.set(group, keys);
      // Ticks finer than the interval, so that a group is read close to when it falls due.
      this.timer ??= setInterval(() => this.tick(), Math.ceil(this.settings.everyMs / 4));
    });
  }

  private tick(): void {
    const now = performance.now();
    this.giveUp((awaited) => now - awaited.since > this.settings.timeoutMs);
    const last = (group: string) => this.lastRead.get(group) ?? -Infinity;
    const due = [...this.pending.keys()]
      .filter((group) => !this.reading.has(group) && now - last(group) >= this.settings.everyMs)
      .sort((a, b) => Number(this.first.has(b)) - Number(this.first.has(a)) || last(a) - last(b));
    for (const group of due.slice(0, Math.max(0, this.settings.maxInFlight - this.reading.size))) {
      void this.read(group);
    }
  }

  private async read(group: string): Promise<void> {
    this.reading.add(group);
    this.lastRead.set(group, performance.now());
    // A read that throws counts as a failed read: the group is read again at its next turn.
    const visible = await this.probe(group).catch(() => undefined);
    const answeredAt = performance.now();
    this.reading.delete(group);
    const keys = this.pending.get(group);
    if (visible === undefined || keys === undefined) return;
    for (const [key, awaited] of keys) {
      if (!visible.has(key)) continue;
      keys.delete(key);
      awaited.resolve(answeredAt - awaited.since);
    }
    this.forgetSettled();
  }

  private giveUp(isOver: (awaited: Awaited) => boolean): void {
    for (const keys of this.pending.values()) {
      for (const [key, awaited] of keys) {
        if (!isOver(awaited)) continue;
        keys.delete(key);
        awaited.resolve(undefined);
      }
    }
    this.forgetSettled();
  }

  /** Groups with nothing awaited are no longer read; with none left the timer stops (nothing keeps the process alive). */
  private forgetSettled(): void {
    for (const [group, keys] of this.pending) {
      if (keys.size > 0) continue;
      this.pending.delete(group);
      this.first.delete(group);
    }
    if (this.pending.size > 0 || this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
