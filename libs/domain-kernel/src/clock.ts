/**
 * Where "now" comes from. Handlers read it once per command and pass it to the decider in the
 * command's metadata; tests use a ManualClock and move it instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** The real clock moved by a fixed amount: a workstation's service that must live another day (a season run). */
export class ShiftedClock implements Clock {
  constructor(private readonly shiftMs: number) {}

  now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}

export type ClockListener = (now: Date) => void | Promise<void>;

export class ManualClock implements Clock {
  private current: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Subscribes to moves of the clock (the deadline scheduler fires what became due). */
  onMove(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async set(instant: Date): Promise<void> {
    this.current = instant.getTime();
    for (const listener of this.listeners) await listener(this.now());
  }

  advance(ms: number): Promise<void> {
    return this.set(new Date(this.current + ms));
  }
}
