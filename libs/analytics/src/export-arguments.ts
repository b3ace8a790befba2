import { ExportError, type ExportRequest } from './export-stream';

export const EXPORT_USAGE =
  'usage: npm run export -- --stream <topic> --season <year> --out <file>.parquet (see docs/analytics.md)';

/** The command line itself is wrong: exit code 2, as command-line tools do. */
export class UsageError extends ExportError {
  override readonly name = 'UsageError';
}

const OPTIONS = ['stream', 'season', 'out'] as const;
type Option = (typeof OPTIONS)[number];

/** `--name value` or `--name=value`; `--help` alone asks for the usage line. */
export function parseExportArguments(argv: readonly string[]): ExportRequest | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const given = new Map<Option, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    const name = match?.[1] as Option | undefined;
    if (!match || !name || !OPTIONS.includes(name))
      throw new UsageError(`unknown argument ${argv[i]}; ${EXPORT_USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value; ${EXPORT_USAGE}`);
    }
    given.set(name, value);
  }
  const missing = OPTIONS.filter((name) => !given.has(name));
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}; ${EXPORT_USAGE}`);
  const season = given.get('season') ?? '';
  if (!/^\d{4}$/.test(season)) throw new UsageError(`--season must be a year such as 2027, not ${season}`);
  const out = given.get('out') ?? '';
  if (!out.endsWith('.parquet')) throw new UsageError(`--out must name a .parquet file, not ${out}`);
  return { stream: given.get('stream') ?? '', season: Number(season), out };
}
