import type { FieldProblem } from './problem-details';

/** No request DTO nests deeper than this; deeper JSON only serves to exhaust a recursive reader's stack. */
export const MAX_INPUT_DEPTH = 32;

/** A lone surrogate (with the u flag a well-formed pair is one code point, not two surrogates), or NUL. */
// eslint-disable-next-line no-control-regex -- NUL is the character refused here
const MALFORMED_TEXT = /[\p{Cs}\u0000]/u;

const fieldOf = (path: readonly (string | number)[]) =>
  path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`),
    '',
  );

/**
 * What is wrong with the shape of a request's input before any reader walks it: nesting past
 * MAX_INPUT_DEPTH, or text that is not well-formed Unicode (a lone surrogate cannot be stored as
 * UTF-8, NUL cannot be stored by PostgreSQL under FerretDB). Walked without recursion, so the
 * check cannot overflow the stack it protects; names the first offending field.
 */
export function inputShapeProblem(input: unknown): FieldProblem | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value === 'string') {
      if (MALFORMED_TEXT.test(value)) {
        return { field: fieldOf(path) || 'body', message: 'must be well-formed Unicode text without NUL characters' };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return { field: fieldOf(path), message: `nests deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && MALFORMED_TEXT.test(key)) {
        return { field: fieldOf(path) || 'body', message: 'has a key that is not well-formed Unicode text' };
      }
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
