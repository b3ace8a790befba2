/** A JSON Schema, draft-07 (the dialect Ajv's default class validates, and AsyncAPI's schemas extend). */
export type JsonSchema = Record<string, unknown>;

/** The shape of an event type's data at one version. */
export interface SchemaVersion {
  readonly version: number;
  readonly schema: JsonSchema;
}

/** One event type on the wire: its current schema version and the shape of its data. */
export interface EventContract extends SchemaVersion {
  readonly type: string;
  readonly description?: string;
  /**
   * Earlier versions still published beside the current one: a breaking change raises the
   * version, and consumers of the previous one keep their schema until they move.
   */
  readonly previousVersions?: readonly SchemaVersion[];
}

/** Every version of a contract that is published, oldest first. */
export function publishedVersionsOf(contract: EventContract): SchemaVersion[] {
  const current = { version: contract.version, schema: contract.schema };
  return [...(contract.previousVersions ?? []), current].sort((a, b) => a.version - b.version);
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

/** A `personal` value as it travels, sealed with its person's data key (docs/security.md). */
export const sealedPersonal: JsonSchema = objectSchema({
  sealed: { type: 'string', enum: ['A256GCM'] },
  /** The person whose key seals it. */
  subject: string,
  iv: string,
  tag: string,
  ciphertext: string,
  /** What it reads as once the person is erased: its shape, every value replaced. */
  erased: anyObject,
});

/** A `personal` field: sealed on the wire and in the store, the plain shape once opened. */
export const personalData = (plain: JsonSchema): JsonSchema => ({ anyOf: [plain, sealedPersonal] });
