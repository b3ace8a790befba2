import type { StoredEvent } from './event';

/** Turns the data of one schema version of an event type into the next version's shape. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

/**
 * Stored events never change; an old shape is lifted to the current one each time it is read,
 * one version step at a time.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.steps.set(key, upcaster);
    }
  }

  apply(event: StoredEvent): StoredEvent {
    let { data } = event;
    let version = event.metadata.schemaVersion;
    for (
      let step = this.steps.get(`${event.type}@${version}`);
      step;
      step = this.steps.get(`${event.type}@${version}`)
    ) {
      data = step.upcast(data);
      version += 1;
    }
    return version === event.metadata.schemaVersion
      ? event
      : { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
  }
}
