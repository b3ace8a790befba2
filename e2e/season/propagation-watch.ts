/** Reads one group (a lead's worklist, a candidate's inbox): the keys visible there now, or undefined when the read failed. */
export type Probe = (group: string) => Promise<ReadonlySet<string> | undefined>;

export interface WatchSettings {
  /** Each group is read at most this often, and only while a key is awaited in it. */
  readonly everyMs: number;
  /** A key not seen within this is given up (undefined). */
  readonly timeoutMs: number;
  /** Reads in flight at once of the groups not asked first, whatever their number. */
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
 * one poll interval plus one read. The watch's own load stays bounded: the groups asked first
 * (a few) are read whenever due, the others the least recently read first, never more than
 * `maxInFlight` of them at once.
 */
export class PropagationWatch {
  private readonly pending = new Map<string, Map<string, Awaited>>();
  /** Groups read at every interval, outside the others' turns (see `expect`). */
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
   * `first`: the group is read at every interval, outside the others' `maxInFlight` turns, however
   * many groups wait: its figures stay within one interval and one read of the truth, where the
   * others' grow with the number of groups that wait at once (each its turn among `maxInFlight`
   * reads). Keep such groups few (docs/season.md, 2026-12-05: sharing the turns, timed inboxes
   * waited theirs in the juries' burst).
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
    const due = [...this.pending.keys()].filter(
      (group) => !this.reading.has(group) && now - last(group) >= this.settings.everyMs,
    );
    // The groups asked first are few: each is read as soon as it is due, beside the others' reads.
    for (const group of due.filter((group) => this.first.has(group))) void this.read(group);
    const others = due.filter((group) => !this.first.has(group)).sort((a, b) => last(a) - last(b));
    const othersReading = [...this.reading].filter((group) => !this.first.has(group)).length;
    for (const group of others.slice(0, Math.max(0, this.settings.maxInFlight - othersReading))) void this.read(group);
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
