import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { format, resolveConfig } from 'prettier';

/** The chart's configuration reference in docs/operations.md, generated from values.schema.json. */
export const OPERATIONS_DOC = resolve(__dirname, '../../docs/operations.md');
const CHART = resolve(__dirname, 'admissions');
export const BEGIN = '<!-- values-reference:begin (npm run helm:docs) -->';
export const END = '<!-- values-reference:end -->';

interface Schema {
  readonly $ref?: string;
  readonly type?: string | string[];
  readonly enum?: unknown[];
  readonly description?: string;
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: boolean | Schema;
  readonly patternProperties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly definitions?: Record<string, Schema>;
}

interface Row {
  readonly path: string;
  readonly type: string;
  readonly defaults: string;
  readonly description: string;
}

function typeOf(schema: Schema): string {
  if (schema.enum) return schema.enum.map((value) => String(value)).join(' \\| ');
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'any'}`;
  if (schema.type === 'object') return 'map';
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
  ].filter((bound) => bound !== '');
  return [String(schema.type ?? (schema.enum ? 'enum' : 'any')), ...bounds].join(' ');
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  const json = JSON.stringify(value);
  return json.length > 40 ? 'see `values.yaml`' : `\`${json}\``;
}

/** One default, or each service's when they differ (their ports). */
function defaultsOf(values: readonly unknown[], names: readonly string[]): string {
  const distinct = new Set(values.map((value) => JSON.stringify(value)));
  if (distinct.size <= 1) return shown(values[0]);
  return values.map((value, index) => `${names[index]}: ${shown(value)}`).join(', ');
}

function rowsOf(
  schema: Schema,
  root: Schema,
  path: string,
  values: readonly unknown[],
  names: readonly string[],
): Row[] {
  const target = schema.$ref ? (root.definitions ?? {})[schema.$ref.replace('#/definitions/', '')] : schema;
  const description = schema.description ?? target.description ?? '';
  // A map with named exceptions (services.<name>.env) is one value, not a branch.
  const properties = target.type === 'object' && !target.patternProperties ? target.properties : undefined;
  if (properties) {
    const keys = Object.keys(properties);
    // The five services' blocks share one shape: documented once, as services.<name>.
    if (path === 'services') {
      const each = values.flatMap((value) => keys.map((key) => (value as Record<string, unknown>)[key]));
      return [
        {
          path,
          type: 'map',
          defaults: '',
          description: `${description}: ${keys.map((key) => `\`${key}\``).join(', ')}`,
        },
        ...rowsOf(properties[keys[0]], root, `${path}.<name>`, each, keys),
      ];
    }
    return keys.flatMap((key) =>
      rowsOf(
        properties[key],
        root,
        path ? `${path}.${key}` : key,
        values.map((value) => (value as Record<string, unknown> | undefined)?.[key]),
        names,
      ),
    );
  }
  const required = target.minLength !== undefined && target.minLength > 0 && values.every((value) => value === '');
  return [
    {
      path,
      type: typeOf(target),
      defaults: required ? '**required**' : defaultsOf(values, names),
      description: description.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    },
  ];
}

export function valuesReference(): string {
  const schema = JSON.parse(readFileSync(resolve(CHART, 'values.schema.json'), 'utf8')) as Schema;
  const values = load(readFileSync(resolve(CHART, 'values.yaml'), 'utf8'));
  const rows = rowsOf(schema, schema, '', [values], []);
  return [
    '| value | type | default | meaning |',
    '| ----- | ---- | ------- | ------- |',
    ...rows.map((row) => `| \`${row.path}\` | ${row.type} | ${row.defaults} | ${row.description} |`),
  ].join('\n');
}

/** The operations guide with its reference section regenerated, formatted as prettier would. */
export async function operationsDocWithReference(): Promise<string> {
  const doc = readFileSync(OPERATIONS_DOC, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${OPERATIONS_DOC} has no ${BEGIN} … ${END} section`);
  const regenerated = `${doc.slice(0, begin + BEGIN.length)}\n\n${valuesReference()}\n\n${doc.slice(end)}`;
  const options = await resolveConfig(OPERATIONS_DOC);
  return format(regenerated, { ...options, parser: 'markdown' });
}
