import type { EventContract, JsonSchema, SchemaVersion } from '../contract';

export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/**
 * The standalone JSON Schema document of one version of an event type, as served at its URL
 * (`$id`) and as stored when released (no `$id`: the URL depends on where a service runs).
 */
export function schemaDocumentOf(contract: EventContract, published: SchemaVersion, id?: string): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...(id === undefined ? {} : { $id: id }),
    title: `${contract.type} v${published.version}`,
    ...(contract.description === undefined ? {} : { description: contract.description }),
    ...published.schema,
  };
}
