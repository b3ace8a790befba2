/** A stream's state as one decider folded it, at a version: what the next command decides on. */
export interface Folded<S> {
  readonly state: S;
  readonly version: number;
  /** The first version of the stream's last commit (0 for an empty stream). */
  readonly lastCommit: number;
  /** The causation ids of the stream's events: a command already caused by one is not run again. */
  readonly causations: ReadonlySet<string>;
}

interface Entry {
  readonly decider: object;
  readonly folded: Folded<unknown>;
  readonly until: number;
}

/**
 * The states this process folded lately, so that a command on a long stream (a programme's
 * admissions: thousands of events) evolves only what was appended since, instead of opening and
 * folding the whole stream again. A state holds personal data in clear: counted from when it was
 * first folded from stored events, it is kept no longer than a person's key stays in the process
 * (`ttlMs`; evolving it further does not extend that), and all are dropped when a key is forgotten.
 */
export class FoldedStreams {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  get<S>(streamId: string, decider: object): Folded<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    if (entry.decider !== decider || entry.until <= Date.now()) {
      this.entries.delete(streamId);
      return undefined;
    }
    this.entries.delete(streamId); // re-inserted: the Map's order is the recency order
    this.entries.set(streamId, entry);
    return entry.folded as Folded<S>;
  }

  set<S>(streamId: string, decider: object, folded: Folded<S>): Folded<S> {
    const current = this.entries.get(streamId);
    // Two commands of this process on one stream may finish out of order: the later version stays.
    if (current !== undefined && current.decider === decider && current.folded.version > folded.version) return folded;
    const until = current?.decider === decider ? current.until : Date.now() + this.ttlMs;
    this.entries.delete(streamId); // re-inserted: the Map's order is the recency order
    this.entries.set(streamId, { decider, folded, until });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return folded;
  }

  clear(): void {
    this.entries.clear();
  }
}
