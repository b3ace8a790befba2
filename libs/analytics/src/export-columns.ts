import type { EventContract, JsonSchema } from '@admissions/contracts';
import type { ReceivedEvent } from '@admissions/messaging';
import { type ColumnType, columnTypeOf, isObjectWithProperties, mergeColumnTypes, propertiesOf } from './column-types';

/** An event as the export sees it: the CloudEvent read back, and where it sat on the topic. */
export interface ExportedEvent {
  readonly event: ReceivedEvent;
  readonly partition: number;
  readonly offset: string;
}

export interface ExportColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly valueOf: (exported: ExportedEvent) => unknown;
}

const TIMESTAMP: ColumnType = { kind: 'TIMESTAMPTZ' };
const TEXT: ColumnType = { kind: 'VARCHAR' };
const WHOLE: ColumnType = { kind: 'BIGINT' };

/** The CloudEvents attributes, prefixed as their Kafka headers are so that no payload field can clash. */
const ENVELOPE_COLUMNS: readonly ExportColumn[] = [
  { name: 'ce_id', type: TEXT, valueOf: ({ event }) => event.metadata.eventId },
  { name: 'ce_type', type: TEXT, valueOf: ({ event }) => event.type },
  { name: 'ce_source', type: TEXT, valueOf: ({ event }) => event.source },
  { name: 'ce_subject', type: TEXT, valueOf: ({ event }) => event.metadata.streamId },
  { name: 'ce_time', type: TIMESTAMP, valueOf: ({ event }) => event.metadata.occurredAt },
  { name: 'ce_schemaversion', type: WHOLE, valueOf: ({ event }) => event.metadata.schemaVersion },
  { name: 'kafka_partition', type: WHOLE, valueOf: ({ partition }) => partition },
  { name: 'kafka_offset', type: WHOLE, valueOf: ({ offset }) => Number(offset) },
];

function fieldAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The leaves of an object schema, its nested objects flattened: `eligibility_status`, `personal_address_city`. */
function leavesOf(schema: JsonSchema, path: readonly string[] = []): { path: string[]; type: ColumnType }[] {
  return Object.entries(propertiesOf(schema)).flatMap(([name, property]) =>
    isObjectWithProperties(property)
      ? leavesOf(property, [...path, name])
      : [{ path: [...path, name], type: columnTypeOf(property) }],
  );
}

/**
 * One typed column per payload field of every event type the stream carries, after the envelope
 * columns; a field that several types share is one column. Fields outside the schemas are not
 * exported: the schema is what the column's type promises.
 */
export function exportColumnsOf(contracts: readonly EventContract[]): ExportColumn[] {
  const fields = new Map<string, { path: string[]; type: ColumnType }>();
  for (const contract of contracts) {
    for (const leaf of leavesOf(contract.schema)) {
      const name = leaf.path.join('_');
      const known = fields.get(name);
      fields.set(name, known ? { ...known, type: mergeColumnTypes(known.type, leaf.type) } : leaf);
    }
  }
  const payloadColumns = [...fields].map(([name, { path, type }]) => ({
    name,
    type,
    valueOf: ({ event }: ExportedEvent) => fieldAt(event.data, path),
  }));
  return [...ENVELOPE_COLUMNS, ...payloadColumns];
}
