import type { EventStore, StoredEvent } from '@admissions/event-store';
import { createHash } from 'node:crypto';
import type { mongo } from 'mongoose';
import type { Projection, ReadModel } from './projection';

interface CheckpointDocument {
  _id: string;
  position: number;
}

export interface ProjectionLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

/**
 * Folds the service's own events, in position order, into MongoDB read models. Each document
 * records the last position folded into it, in the same write: an event replayed after a crash
 * (checkpoint not yet saved) is skipped per document, so folding is idempotent without
 * transactions.
 */
export class ProjectionRunner {
  private readonly checkpoints: mongo.Collection<CheckpointDocument>;
  private running = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly db: mongo.Db,
    private readonly projections: readonly Projection[],
    private readonly logger: ProjectionLogger,
    private readonly options: { pollMs?: number; batchSize?: number } = {},
  ) {
    this.checkpoints = db.collection<CheckpointDocument>('projection_checkpoints');
  }

  collection<D extends ReadModel>(projection: Projection<D>): mongo.Collection<D> {
    return this.db.collection<D>(projection.name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        for (const projection of this.projections) worked = (await this.catchUp(projection)) > 0 || worked;
      } catch (error) {
        this.logger.warn('projections: will retry', { error: String(error) });
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.options.pollMs ?? 100);
        });
        clearTimeout(this.timer);
      }
    }
  }

  /** Folds one batch of new events into a projection; returns how many events were read. */
  async catchUp(projection: Projection): Promise<number> {
    const from = (await this.checkpoints.findOne({ _id: projection.name }))?.position ?? 0;
    const events = await this.store.readAll(from, this.options.batchSize ?? 1000);
    if (events.length === 0) return 0;
    await this.fold(projection, events);
    const reached = events[events.length - 1].metadata.position ?? from;
    await this.checkpoints.updateOne({ _id: projection.name }, { $set: { position: reached } }, { upsert: true });
    return events.length;
  }

  /** Catches up every projection with all that is positioned now. */
  async drain(): Promise<void> {
    for (const projection of this.projections) while ((await this.catchUp(projection)) > 0);
  }

  private async fold(projection: Projection, events: readonly StoredEvent[]): Promise<void> {
    const handled = new Set(projection.handles);
    const touched = events.filter((e) => handled.has(e.type));
    if (touched.length === 0) return;
    const collection = this.collection(projection);
    const ids = [...new Set(touched.flatMap((e) => projection.documentsOf(e)))];
    const documents = new Map<string, ReadModel>();
    for (const document of await collection.find({ _id: { $in: ids } }).toArray())
      documents.set(document._id, document);
    for (const event of touched) {
      const position = event.metadata.position ?? 0;
      for (const id of projection.documentsOf(event)) {
        const current = documents.get(id) ?? null;
        if (current && (current._position ?? 0) >= position) continue;
        documents.set(id, { ...projection.evolve(current, event, id), _id: id, _position: position });
      }
    }
    const writes = ids.flatMap((id) => {
      const document = documents.get(id);
      return document ? [{ replaceOne: { filter: { _id: id }, replacement: document, upsert: true } }] : [];
    });
    if (writes.length > 0) await collection.bulkWrite(writes, { ordered: false });
  }

  /** Drops a read model and folds it again from the first event. */
  async rebuild(projection: Projection): Promise<void> {
    await this.collection(projection).deleteMany({});
    await this.checkpoints.deleteOne({ _id: projection.name });
    while ((await this.catchUp(projection)) > 0);
  }

  /** A digest of a read model's documents, to compare a rebuilt model with the live one. */
  async digest(projection: Projection): Promise<string> {
    const hash = createHash('sha256');
    const cursor = this.collection(projection).find({}).sort({ _id: 1 });
    for await (const document of cursor) hash.update(canonicalJson(document));
    return hash.digest('hex');
  }
}

/** JSON with object keys sorted, so two equal documents hash alike whatever their field order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
