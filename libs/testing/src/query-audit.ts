import type { mongo } from 'mongoose';

export interface AuditedQuery {
  readonly database: string;
  readonly collection: string;
  readonly command: string;
  readonly filter: Record<string, unknown>;
  /** A find for one document, whichever. */
  readonly anyOne: boolean;
}

/** The filter(s) a command selects documents with; undefined for commands that select none. */
function filtersOf(command: string, body: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const object = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  switch (command) {
    case 'find':
      return [object(body.filter)];
    case 'count':
    case 'distinct':
    case 'findAndModify':
      return [object(body.query)];
    case 'update':
      return (body.updates as { q?: unknown }[]).map((update) => object(update.q));
    case 'delete':
      return (body.deletes as { q?: unknown }[]).map((deletion) => object(deletion.q));
    case 'aggregate': {
      const [first] = (body.pipeline as Record<string, unknown>[] | undefined) ?? [];
      return [object(first?.$match)];
    }
    default:
      return undefined;
  }
}

function isScalar(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'object') return true;
  if (value instanceof Date) return true;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$eq') return isScalar((value as { $eq: unknown }).$eq);
  return (value as { _bsontype?: string })._bsontype === 'ObjectId';
}

/**
 * Records the filter of every query the services' MongoDB connections send, to check that none
 * scans a collection: each is an equality on `_id` or on an indexed top-level field, or reads a
 * collection the caller names as small by design (a queue of in-flight work, reference data).
 */
export class QueryAudit {
  readonly queries: AuditedQuery[] = [];
  private readonly detach: (() => void)[] = [];

  attach(client: mongo.MongoClient): void {
    const listener = (event: mongo.CommandStartedEvent) => {
      const body = event.command as Record<string, unknown>;
      const filters = filtersOf(event.commandName, body);
      if (!filters) return;
      const collection = String(body[event.commandName]);
      const anyOne = event.commandName === 'find' && body.limit === 1;
      for (const filter of filters)
        this.queries.push({ database: event.databaseName, collection, command: event.commandName, filter, anyOne });
    };
    client.on('commandStarted', listener);
    this.detach.push(() => client.off('commandStarted', listener));
  }

  stop(): void {
    this.detach.splice(0).forEach((detach) => detach());
  }

  /** The recorded queries that would scan, one line each (database.collection command filter). */
  async scans(client: mongo.MongoClient, smallByDesign: readonly string[]): Promise<string[]> {
    const indexed = new Map<string, Set<string>>();
    const fieldsOf = async (database: string, collection: string) => {
      const key = `${database}.${collection}`;
      let fields = indexed.get(key);
      if (!fields) {
        const indexes = await client
          .db(database)
          .collection(collection)
          .listIndexes()
          .toArray()
          .catch(() => []);
        fields = new Set(indexes.map((index) => Object.keys(index.key as object)[0]));
        indexed.set(key, fields);
      }
      return fields;
    };
    const offending = new Set<string>();
    for (const query of this.queries) {
      const keys = Object.keys(query.filter);
      if (smallByDesign.includes(query.collection)) continue;
      if (keys.length === 0 && query.anyOne) continue; // "is there any document?" reads one row
      if (keys.length === 0) {
        offending.add(describe(query));
        continue;
      }
      const fields = await fieldsOf(query.database, query.collection);
      const selective = keys.some((key) => (key === '_id' || fields.has(key)) && isScalar(query.filter[key]));
      if (!selective) offending.add(describe(query));
    }
    return [...offending];
  }
}

function describe(query: AuditedQuery): string {
  return `${query.database}.${query.collection} ${query.command} ${JSON.stringify(query.filter)}`;
}
