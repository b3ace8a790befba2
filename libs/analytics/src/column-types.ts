import type { JsonSchema } from '@admissions/contracts';

/**
 * The SQL type of one exported column, derived from the event's JSON Schema. Objects inside
 * arrays stay structured (a LIST of STRUCTs an analyst can unnest); a value the schema does not
 * pin down is kept as JSON text.
 */
export type ColumnType =
  | { readonly kind: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMPTZ' | 'DATE' | 'JSON' }
  | { readonly kind: 'LIST'; readonly items: ColumnType }
  | { readonly kind: 'STRUCT'; readonly fields: Readonly<Record<string, ColumnType>> };

const VARCHAR: ColumnType = { kind: 'VARCHAR' };
const JSON_TEXT: ColumnType = { kind: 'JSON' };
const SCALARS = new Set(['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'TIMESTAMPTZ', 'DATE']);
const CALENDAR_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The schema's own type, a nullable one included (`['integer', 'null']`, `anyOf: [s, null]`). */
function nonNullTypes(schema: JsonSchema): { types: string[]; schema: JsonSchema } {
  if (Array.isArray(schema.anyOf)) {
    const alternatives = (schema.anyOf as JsonSchema[]).filter((s) => s.type !== 'null');
    return alternatives.length === 1 ? nonNullTypes(alternatives[0]) : { types: [], schema };
  }
  const declared = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  return { types: declared.filter((t) => t !== undefined && t !== 'null'), schema };
}

export function isObjectWithProperties(schema: JsonSchema): boolean {
  const { types, schema: inner } = nonNullTypes(schema);
  return types.length === 1 && types[0] === 'object' && typeof inner.properties === 'object';
}

export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (nonNullTypes(schema).schema.properties ?? {}) as Record<string, JsonSchema>;
}

export function columnTypeOf(schema: JsonSchema): ColumnType {
  const { types, schema: inner } = nonNullTypes(schema);
  if (types.length !== 1) return JSON_TEXT;
  switch (types[0]) {
    case 'string':
      if (inner.format === 'date-time') return { kind: 'TIMESTAMPTZ' };
      if (inner.format === 'date' || inner.pattern === CALENDAR_DATE_PATTERN) return { kind: 'DATE' };
      return VARCHAR;
    case 'integer':
      return { kind: 'BIGINT' };
    case 'number':
      return { kind: 'DOUBLE' };
    case 'boolean':
      return { kind: 'BOOLEAN' };
    case 'array':
      return typeof inner.items === 'object' && inner.items !== null
        ? { kind: 'LIST', items: columnTypeOf(inner.items as JsonSchema) }
        : JSON_TEXT;
    case 'object': {
      if (!isObjectWithProperties(inner)) return JSON_TEXT;
      const fields = Object.entries(propertiesOf(inner)).map(([name, s]) => [name, columnTypeOf(s)] as const);
      return { kind: 'STRUCT', fields: Object.fromEntries(fields) };
    }
    default:
      return JSON_TEXT;
  }
}

/**
 * One column for a field that two event types declare differently: the wider type where one
 * exists (integer and number, two objects' fields), text for two different scalars, else JSON.
 */
export function mergeColumnTypes(a: ColumnType, b: ColumnType): ColumnType {
  if (sqlTypeOf(a) === sqlTypeOf(b)) return a;
  if (a.kind === 'STRUCT' && b.kind === 'STRUCT') {
    const fields: Record<string, ColumnType> = { ...a.fields };
    for (const [name, type] of Object.entries(b.fields)) {
      fields[name] = fields[name] ? mergeColumnTypes(fields[name], type) : type;
    }
    return { kind: 'STRUCT', fields };
  }
  if (a.kind === 'LIST' && b.kind === 'LIST') return { kind: 'LIST', items: mergeColumnTypes(a.items, b.items) };
  const kinds = new Set([a.kind, b.kind]);
  if (kinds.has('BIGINT') && kinds.has('DOUBLE') && kinds.size === 2) return { kind: 'DOUBLE' };
  return SCALARS.has(a.kind) && SCALARS.has(b.kind) ? VARCHAR : JSON_TEXT;
}

/** The DuckDB spelling: `STRUCT("ruleId" VARCHAR, "passed" BOOLEAN)[]`. */
export function sqlTypeOf(type: ColumnType): string {
  switch (type.kind) {
    case 'LIST':
      return `${sqlTypeOf(type.items)}[]`;
    case 'STRUCT':
      return `STRUCT(${Object.entries(type.fields)
        .map(([name, field]) => `${quoteIdentifier(name)} ${sqlTypeOf(field)}`)
        .join(', ')})`;
    default:
      return type.kind;
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
