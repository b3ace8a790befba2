import type { JsonSchema } from '../contract';

// One fixed instant and date, so the documents are the same at every generation.
const EXAMPLE_INSTANT = '2027-03-12T09:30:00.000Z';
const EXAMPLE_DATE = '2027-03-12';

/**
 * An example value that honours a contract's schema, built from the schema itself: the schema's
 * own `examples` first, then its enum or const, else a value of its type named after the field.
 * A string pattern this cannot satisfy needs an `examples` entry in the schema (the AsyncAPI
 * tests validate every example against its schema).
 */
export function exampleOf(schema: JsonSchema, name = 'value'): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length > 0) return exampleOf(branches[0] as JsonSchema, name);
  switch (typeOf(schema)) {
    case 'object':
      return objectExample(schema);
    case 'array':
      return arrayExample(schema, name);
    case 'string':
      return stringExample(schema, name);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** The first type a schema allows other than null (an example of a nullable field has a value). */
function typeOf(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  const type = types.find((t) => t !== 'null') ?? types[0];
  if (typeof type === 'string') return type;
  return schema.properties === undefined ? undefined : 'object';
}

function objectExample(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, exampleOf(value, key)]));
}

function arrayExample(schema: JsonSchema, name: string): unknown[] {
  const items = schema.items as JsonSchema | undefined;
  const count = typeof schema.minItems === 'number' ? Math.max(schema.minItems, 1) : 1;
  return items === undefined ? [] : Array.from({ length: count }, () => exampleOf(items, name));
}

function stringExample(schema: JsonSchema, name: string): string {
  if (schema.format === 'date-time') return EXAMPLE_INSTANT;
  if (schema.format === 'date') return EXAMPLE_DATE;
  if (schema.format === 'email') return 'candidate@example.org';
  return `${name}-1`;
}
