import fc from 'fast-check';

/** A JSON Schema (2020-12, as OpenAPI 3.1 writes it) node. */
export type Schema = Readonly<Record<string, unknown>>;
export type Components = Readonly<Record<string, Schema>>;

const REF_PREFIX = '#/components/schemas/';
/** Arrays and nesting kept small: the fuzz wants many requests, not a few large ones. */
const MAX_ITEMS = 4;
const MAX_DEPTH = 6;

export function resolve(schema: Schema, components: Components): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = components[ref.slice(REF_PREFIX.length)];
  if (target === undefined) throw new Error(`unknown schema ${ref}`);
  return resolve(target, components);
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const day = (date: Date) => date.toISOString().slice(0, 10);
const dates = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2035-12-31T00:00:00Z'),
  noInvalidDate: true,
});

function stringValues(schema: Schema): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = Math.min(num(schema.maxLength) ?? 40, minLength + 40);
  const fits = (value: string) => value.length >= minLength && value.length <= (num(schema.maxLength) ?? Infinity);
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  switch (schema.format) {
    case 'date':
      return dates.map(day);
    case 'date-time':
      return dates.map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uuid':
      return fc.uuid();
    case 'uri':
      return fc.webUrl();
    default:
      return fc.string({ minLength, maxLength });
  }
}

function numberValues(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = num(schema.minimum) ?? (num(schema.exclusiveMinimum) ?? -1_000_000) + (integer ? 1 : 1e-9);
  const max = num(schema.maximum) ?? (num(schema.exclusiveMaximum) ?? 1_000_000) - (integer ? 1 : 1e-9);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectValues(schema: Schema, components: Components, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validValue(property, components, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: required.filter((key) => key in properties) });
}

/** Values the schema accepts (formats and patterns included), bounded in size. */
export function validValue(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const node = resolve(schema, components);
  if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
  if ('const' in node) return fc.constant(node.const);
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const options = node[combinator];
    if (Array.isArray(options))
      return fc.oneof(...(options as Schema[]).map((option) => validValue(option, components, depth)));
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1)
    return validValue(node.allOf[0] as Schema, components, depth);
  if (Array.isArray(node.type)) {
    return fc.oneof(...(node.type as string[]).map((type) => validValue({ ...node, type }, components, depth)));
  }
  switch (node.type) {
    case 'string':
      return stringValues(node);
    case 'integer':
      return numberValues(node, true);
    case 'number':
      return numberValues(node, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const minLength = num(node.minItems) ?? 0;
      const maxLength = Math.max(minLength, Math.min(num(node.maxItems) ?? MAX_ITEMS, MAX_ITEMS));
      return fc.array(validValue((node.items ?? {}) as Schema, components, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectValues(node, components, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values just inside and just outside the schema's bounds, when it has any. */
export function boundaryValues(schema: Schema, components: Components): unknown[] {
  const node = resolve(schema, components);
  const values: unknown[] = [];
  const around = (bound: unknown, make: (n: number) => unknown) => {
    if (typeof bound === 'number') values.push(make(bound - 1), make(bound), make(bound + 1));
  };
  const text = (length: number) => 'x'.repeat(Math.max(0, length));
  const items = (length: number) => Array.from({ length: Math.max(0, length) }, () => ({}));
  if (node.type === 'string') {
    around(node.minLength, text);
    around(node.maxLength, text);
  }
  if (node.type === 'integer' || node.type === 'number') {
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) around(node[key], (n) => n);
    if (node.type === 'integer') values.push(1.5);
  }
  if (node.type === 'array') {
    around(node.minItems, items);
    around(node.maxItems, items);
  }
  return values;
}
