import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const REF_PREFIX = '#/components/schemas/';

/** The component schemas a node refers to, directly or through the schemas it refers to. */
function referenced(node: unknown, schemas: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => referenced(item, schemas, found));
  if (!isObject(node)) return found;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX) && !found.has(ref.slice(REF_PREFIX.length))) {
    const name = ref.slice(REF_PREFIX.length);
    found.add(name);
    referenced(schemas[name], schemas, found);
  }
  Object.values(node).forEach((value) => referenced(value, schemas, found));
  return found;
}

const closed = (schema: Json): Json =>
  schema.type === 'object' && schema.additionalProperties === undefined
    ? { ...schema, additionalProperties: false }
    : schema;

/**
 * The validation pipe refuses a property a request DTO does not declare (forbidNonWhitelisted),
 * so every object schema a request body uses says `additionalProperties: false`.
 */
export function closeRequestSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Json;
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item as Json).filter(isObject));
  const bodies = operations.map((operation) => operation.requestBody).filter(isObject);
  const names = referenced(bodies, schemas);
  const closedSchemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      names.has(name) && isObject(schema) ? closed(schema) : schema,
    ]),
  );
  for (const body of bodies) {
    for (const media of Object.values((body.content as Json | undefined) ?? {}).filter(isObject)) {
      if (isObject(media.schema)) media.schema = closed(media.schema);
    }
  }
  return { ...document, components: { ...document.components, schemas: closedSchemas } } as OpenAPIObject;
}
