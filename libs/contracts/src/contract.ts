/** A JSON Schema (draft 2020-12 subset that Ajv understands). */
export type JsonSchema = Record<string, unknown>;

/** One event type on the wire: its current schema version and the shape of its data. */
export interface EventContract {
  readonly type: string;
  readonly version: number;
  readonly schema: JsonSchema;
  readonly description?: string;
}

/** A small helper so schemas read like the events they describe. */
export function objectSchema(properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: true };
}

export const string: JsonSchema = { type: 'string', minLength: 1 };
export const isoInstant: JsonSchema = { type: 'string', format: 'date-time' };
export const integer: JsonSchema = { type: 'integer' };
export const boolean: JsonSchema = { type: 'boolean' };
export const nullableString: JsonSchema = { type: ['string', 'null'] };
export const anyObject: JsonSchema = { type: 'object' };
export const stringArray: JsonSchema = { type: 'array', items: { type: 'string' } };
export const oneOf = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });
