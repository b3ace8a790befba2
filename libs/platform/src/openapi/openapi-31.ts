/**
 * @nestjs/swagger writes OpenAPI 3.0 schemas even when the document says 3.1: `nullable`, and
 * boolean `exclusiveMinimum`. This rewrites them as the JSON Schema 2020-12 that 3.1 uses.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function withoutNullable(schema: Json): Json {
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  const { allOf, $ref, type, ...annotations } = rest;
  // Nest writes a nullable reference as `{ type: 'object', nullable, allOf: [{ $ref }] }`.
  if (Array.isArray(allOf) || typeof $ref === 'string') {
    const parts = Array.isArray(allOf) ? (allOf as unknown[]) : [];
    const target = typeof $ref === 'string' ? { $ref } : parts.length === 1 ? parts[0] : { allOf };
    return { ...annotations, anyOf: [target, { type: 'null' }] };
  }
  if (typeof type !== 'string') return rest;
  const nullableEnum = Array.isArray(annotations.enum) ? { enum: [...annotations.enum, null] } : {};
  return { ...annotations, type: [type, 'null'], ...nullableEnum };
}

function exclusiveBounds(schema: Json): Json {
  const { exclusiveMinimum, exclusiveMaximum, minimum, maximum, ...rest } = schema;
  return {
    ...rest,
    ...(exclusiveMinimum === true ? { exclusiveMinimum: minimum } : { minimum, exclusiveMinimum }),
    ...(exclusiveMaximum === true ? { exclusiveMaximum: maximum } : { maximum, exclusiveMaximum }),
  };
}

const dropUndefined = (value: Json): Json =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));

/** Rewrites every schema object of a document, in place of the 3.0 idioms above. */
export function toOpenApi31<T>(node: T): T {
  if (Array.isArray(node)) return node.map(toOpenApi31) as T;
  if (!isObject(node)) return node;
  const rewritten = dropUndefined(exclusiveBounds(withoutNullable(node)));
  return Object.fromEntries(Object.entries(rewritten).map(([key, value]) => [key, toOpenApi31(value)])) as T;
}
