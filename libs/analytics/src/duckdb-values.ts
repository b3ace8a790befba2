import { type DuckDBValue, dateValue, listValue, structValue, timestampTZValue } from '@duckdb/node-api';
import { assertNever } from '@admissions/domain-kernel';
import type { ColumnType } from './column-types';

/** A payload value that does not fit its column's type (an old event shape, say): the cell stays empty. */
export const MISFIT = Symbol('misfit');

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A JSON value as DuckDB takes it for a column of this type; null when absent. */
export function toDuckDBValue(type: ColumnType, value: unknown): DuckDBValue | typeof MISFIT {
  if (value === undefined || value === null) return null;
  switch (type.kind) {
    case 'VARCHAR':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : MISFIT;
    case 'JSON':
      return JSON.stringify(value);
    case 'BIGINT':
      return Number.isSafeInteger(value) ? BigInt(value as number) : MISFIT;
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? value : MISFIT;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : MISFIT;
    case 'TIMESTAMPTZ': {
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isNaN(ms) ? MISFIT : timestampTZValue(BigInt(ms) * 1000n);
    }
    case 'DATE': {
      const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
      if (!match) return MISFIT;
      return dateValue(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
    }
    case 'LIST': {
      if (!Array.isArray(value)) return MISFIT;
      const items = value.map((item) => toDuckDBValue(type.items, item));
      return items.includes(MISFIT) ? MISFIT : listValue(items as DuckDBValue[]);
    }
    case 'STRUCT': {
      if (typeof value !== 'object' || Array.isArray(value)) return MISFIT;
      const fields: Record<string, DuckDBValue> = {};
      for (const [name, field] of Object.entries(type.fields)) {
        const converted = toDuckDBValue(field, (value as Record<string, unknown>)[name]);
        if (converted === MISFIT) return MISFIT;
        fields[name] = converted;
      }
      return structValue(fields);
    }
    default:
      return assertNever(type);
  }
}
