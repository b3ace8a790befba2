import fc from 'fast-check';

/**
 * What an attacker or a broken client puts where a string is expected, by kind. The fuzz draws
 * from each kind; docs/security.md lists them from here.
 */
export const HOSTILE_STRINGS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'huge strings (10 kB to 200 kB)': fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'A'.repeat(length)),
  'unicode edge cases (lone surrogates, NUL, BOM, bidi override, combining marks, astral, non-characters)':
    fc.constantFrom(
      '\uD800',
      '\uDFFF',
      'a\uDC00b',
      '\u0000',
      'abc\u0000def',
      '\uFEFFabc',
      '\u202Egnp.exe',
      'e\u0301\u0301\u0301',
      '\u{1F600}\u200D\u{1F4BB}',
      '\uFFFE\uFFFF',
      'İı',
      '\u200B',
      '\u0085\u2028\u2029',
    ),
  'any code points': fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  'Mongo operators in strings': fc.constantFrom('{"$gt":""}', '$where', '$ne', '{"$regex":".*"}', '$gt'),
  'path traversal': fc.constantFrom(
    '../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    '%2e%2e%2f%2e%2e%2f',
    '....//....//',
    '..',
    '.',
    'C:\\boot.ini',
  ),
  'injections (SQL, script, template, header)': fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '${7*7}',
    '{{7*7}}',
    '%00',
    '\r\nX-Injected: 1',
  ),
  'numbers and dates as odd strings': fc.constantFrom(
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    '9007199254740993',
    '2027-02-30',
    '2027-13-01T25:61:00Z',
    '+275760-09-13T00:00:00.001Z',
  ),
  'empty and blank': fc.constantFrom('', ' ', '\t\n'),
};

export const hostileString: fc.Arbitrary<string> = fc.oneof(...Object.values(HOSTILE_STRINGS));

/** JSON text, kept as it is when the body is written: values JSON.stringify could not produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Nesting deep enough to break a recursive reader, small enough to stay under the 1 MB body limit. */
const deepJson = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** What an attacker puts where a value of another type is expected, by kind. */
export const HOSTILE_VALUES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  'wrong types': fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant([]),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.constant({}),
  ),
  'Mongo operators as keys': fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { $regex: '.*' },
    { $in: [''] },
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
  ),
  'deep JSON': deepJson,
  'hostile strings': hostileString,
  'boundary numbers': fc.constantFrom(
    -1,
    0,
    2 ** 31,
    -(2 ** 31) - 1,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    5e-324,
    0.1,
  ),
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(...Object.values(HOSTILE_VALUES));

/** JSON text of a value that may hold RawJson parts. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    // Own keys only, __proto__ included as a plain key, as an attacker writes it.
    const entries = Object.getOwnPropertyNames(value).map(
      (key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
