import type { StoredEvent } from './event';

interface CachedStream {
  readonly events: readonly StoredEvent[];
  readonly version: number;
  /** The first version of the stream's last commit (0 for an empty stream). */
  readonly lastCommit: number;
}

const EMPTY: CachedStream = { events: [], version: 0, lastCommit: 0 };

/**
 * The streams this process has read lately. Stored events never change, so a cached prefix is
 * always right; a reader only asks the database for the commits after it.
 */
export class StreamCache {
  private readonly streams = new Map<string, CachedStream>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): CachedStream {
    const stream = this.streams.get(streamId);
    if (!stream) return EMPTY;
    this.streams.delete(streamId); // re-inserted: the Map's order is the recency order
    this.streams.set(streamId, stream);
    return stream;
  }

  /** The stream when it is held, or undefined: unlike get, says "not known" rather than "empty". */
  peek(streamId: string): CachedStream | undefined {
    return this.streams.has(streamId) ? this.get(streamId) : undefined;
  }

  set(streamId: string, stream: CachedStream): void {
    this.streams.delete(streamId);
    this.streams.set(streamId, stream);
    if (this.streams.size > this.capacity) {
      const oldest = this.streams.keys().next();
      if (!oldest.done) this.streams.delete(oldest.value);
    }
  }
}
