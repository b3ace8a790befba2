import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from '../contract';

/** Keywords that say nothing about which data is valid. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const COMPARED_BELOW = new Set(['type', 'enum', 'properties', 'required', 'additionalProperties', 'items']);
const COMPOSITIONS = ['anyOf', 'oneOf', 'allOf'] as const;

/**
 * What a change from the released schema of an event to its current one breaks, one line per
 * change naming the field; empty when the change is compatible.
 *
 * Compatible means both ways, because a public topic is kept and read from the beginning: a
 * consumer validating with the released schema accepts every message the current one allows
 * (nothing removed, renamed, widened, no new enum value), and every message already on the topic
 * stays valid under the current schema (nothing narrowed, no new required field). What remains is
 * a new optional field where the released schema leaves other fields open, and annotations
 * (descriptions, examples).
 */
export function breakingChanges(released: JsonSchema, current: JsonSchema): string[] {
  const changes: string[] = [];
  compare(released, current, '', changes);
  return changes;
}

function compare(released: JsonSchema, current: JsonSchema, path: string, changes: string[]): void {
  compareTypes(released, current, path, changes);
  compareEnums(released, current, path, changes);
  compareProperties(released, current, path, changes);
  compareAdditionalProperties(released, current, path, changes);
  compareSubschemas(released.items, current.items, `${path}[]`, 'items', changes);
  for (const keyword of COMPOSITIONS) compareComposition(released, current, keyword, path, changes);
  const keywords = new Set([...Object.keys(released), ...Object.keys(current)]);
  for (const keyword of keywords) {
    if (ANNOTATIONS.has(keyword) || COMPARED_BELOW.has(keyword) || isComposition(keyword)) continue;
    if (isDeepStrictEqual(released[keyword], current[keyword])) continue;
    changes.push(`${where(path)}: ${keyword} changed from ${shown(released[keyword])} to ${shown(current[keyword])}`);
  }
}

function compareTypes(released: JsonSchema, current: JsonSchema, path: string, changes: string[]): void {
  const before = typesOf(released);
  const after = typesOf(current);
  if (isDeepStrictEqual(before, after)) return;
  const from = before?.join(' or ') ?? 'any type';
  const to = after?.join(' or ') ?? 'any type';
  const narrowed = after !== undefined && (before === undefined || after.every((type) => before.includes(type)));
  const widened = before !== undefined && (after === undefined || before.every((type) => after.includes(type)));
  const how = narrowed ? 'narrowed' : widened ? 'widened' : 'changed';
  changes.push(`${where(path)}: type ${how} from ${from} to ${to}`);
}

function compareEnums(released: JsonSchema, current: JsonSchema, path: string, changes: string[]): void {
  const before = released.enum as unknown[] | undefined;
  const after = current.enum as unknown[] | undefined;
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    changes.push(`${where(path)}: enum changed from ${shown(before)} to ${shown(after)}`);
    return;
  }
  for (const value of before.filter((v) => !after.some((w) => isDeepStrictEqual(v, w)))) {
    changes.push(`${where(path)}: enum value ${shown(value)} removed`);
  }
  for (const value of after.filter((v) => !before.some((w) => isDeepStrictEqual(v, w)))) {
    changes.push(
      `${where(path)}: enum value ${shown(value)} added (a consumer validating with the released schema refuses it)`,
    );
  }
}

function compareProperties(released: JsonSchema, current: JsonSchema, path: string, changes: string[]): void {
  const before = (released.properties ?? {}) as Record<string, JsonSchema>;
  const after = (current.properties ?? {}) as Record<string, JsonSchema>;
  const requiredBefore = new Set((released.required ?? []) as string[]);
  const requiredAfter = new Set((current.required ?? []) as string[]);
  const names = new Set([...Object.keys(before), ...Object.keys(after), ...requiredBefore, ...requiredAfter]);
  for (const name of names) {
    const field = path === '' ? name : `${path}.${name}`;
    const wasDeclared = name in before || requiredBefore.has(name);
    const isDeclared = name in after || requiredAfter.has(name);
    if (wasDeclared && !isDeclared) {
      changes.push(`field '${field}' removed or renamed`);
    } else if (!wasDeclared) {
      if (requiredAfter.has(name)) changes.push(`new required field '${field}'`);
      else newOptionalField(released, after[name], field, changes);
    } else {
      if (requiredBefore.has(name) && !requiredAfter.has(name)) changes.push(`field '${field}' is no longer required`);
      if (!requiredBefore.has(name) && requiredAfter.has(name)) changes.push(`field '${field}' became required`);
      if (name in before && name in after) compare(before[name], after[name], field, changes);
      else if (name in before || name in after) changes.push(`${where(field)}: its schema was added or removed`);
    }
  }
}

/** A new optional field is compatible only where the released schema let other fields through. */
function newOptionalField(released: JsonSchema, schema: JsonSchema | undefined, field: string, changes: string[]) {
  const open = released.additionalProperties;
  if (open === false) {
    changes.push(`new field '${field}' where the released schema allows no other field`);
  } else if (typeof open === 'object' && open !== null && schema !== undefined) {
    compare(open as JsonSchema, schema, field, changes);
  }
}

function compareAdditionalProperties(released: JsonSchema, current: JsonSchema, path: string, changes: string[]) {
  // Absent means any other property is allowed, as `true` does.
  const before = released.additionalProperties ?? true;
  const after = current.additionalProperties ?? true;
  if (isDeepStrictEqual(before, after)) return;
  if (typeof before === 'object' && typeof after === 'object') {
    compare(before as JsonSchema, after as JsonSchema, `${path}.*`, changes);
  } else {
    const how = after === false ? 'tightened' : before === false ? 'loosened' : 'changed';
    changes.push(`${where(path)}: additionalProperties ${how} from ${shown(before)} to ${shown(after)}`);
  }
}

function compareSubschemas(before: unknown, after: unknown, path: string, keyword: string, changes: string[]) {
  if (before === undefined && after === undefined) return;
  if (isSchema(before) && isSchema(after)) compare(before, after, path, changes);
  else if (!isDeepStrictEqual(before, after)) {
    changes.push(`${where(path)}: ${keyword} changed from ${shown(before)} to ${shown(after)}`);
  }
}

function compareComposition(
  released: JsonSchema,
  current: JsonSchema,
  keyword: (typeof COMPOSITIONS)[number],
  path: string,
  changes: string[],
): void {
  const before = released[keyword];
  const after = current[keyword];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((branch, index) => compareSubschemas(branch, after[index], path, keyword, changes));
  } else if (!isDeepStrictEqual(before, after)) {
    changes.push(`${where(path)}: ${keyword} changed from ${shown(before)} to ${shown(after)}`);
  }
}

function typesOf(schema: JsonSchema): string[] | undefined {
  if (schema.type === undefined) return undefined;
  return (Array.isArray(schema.type) ? [...(schema.type as string[])] : [schema.type as string]).sort();
}

function isComposition(keyword: string): boolean {
  return (COMPOSITIONS as readonly string[]).includes(keyword);
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function where(path: string): string {
  return path === '' ? 'the event data' : `field '${path}'`;
}

function shown(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
