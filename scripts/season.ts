// `npm run season [-- --candidates 40]`: a season driven through the HTTP APIs of the services
// that `npm start` runs (see docs/season.md). Prints a summary and writes .local/season/report-*.json;
// exits 1 when the verdict is not ok. Ctrl-C stops the run and still writes the partial report.
import { parseArgs } from 'node:util';
import { type Role, signDevToken } from '../libs/platform/src/auth';
import { DEFAULTS, seasonConfig, urlsFromEnv } from '../e2e/season/config';
import { realJuryTime } from '../e2e/season/jury-time';
import { formatReport, summarize, writeReport } from '../e2e/season/report';
import { runSeason } from '../e2e/season/scenario';

const OPTIONS = {
  candidates: { type: 'string', default: String(DEFAULTS.candidates) },
  programmes: { type: 'string', default: String(DEFAULTS.programmes) },
  concurrency: { type: 'string', default: String(DEFAULTS.concurrency) },
  'poll-ms': { type: 'string', default: String(DEFAULTS.pollMs) },
  'wait-s': { type: 'string', default: String(DEFAULTS.propagationTimeoutMs / 1000) },
  'timeout-s': { type: 'string', default: String(DEFAULTS.timeoutMs / 1000) },
  'jury-clock-shift-days': { type: 'string', default: '0' },
  'run-id': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const USAGE = `usage: npm run season -- [--candidates N] [--programmes N] [--concurrency N] [--poll-ms N] [--wait-s N] [--timeout-s N] [--jury-clock-shift-days N] [--run-id ID]
  --candidates   files submitted over the season (${DEFAULTS.candidates}, at most that)
  --programmes   programmes they spread over (${DEFAULTS.programmes})
  --concurrency  candidates filling in their files at once (${DEFAULTS.concurrency})
  --poll-ms      how often a read model is read while awaited, 100-250 (${DEFAULTS.pollMs})
  --wait-s       how long one propagation is awaited (${DEFAULTS.propagationTimeoutMs / 1000})
  --timeout-s    the whole run (${DEFAULTS.timeoutMs / 1000})
  --jury-clock-shift-days  the JURY_CLOCK_SHIFT_DAYS npm start was given (0): juries sit January-July only
  --run-id       in every programme code and candidate id (new each run): runs given one, each on fresh
                 servers, lay their programmes out alike among Kafka's partitions, so they compare
Services: CANDIDACY_URL, REVIEW_URL, JURY_URL, NOTIFICATION_URL, else http://127.0.0.1:<CANDIDACY_PORT…> (3001-3004).
`;

/** How long the season waits for a jury session on the real clock before it says the clock is the limit. */
const MAX_SESSION_WAIT_MS = 120_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: OPTIONS, strict: true });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const whole = (name: keyof typeof OPTIONS) => Number(values[name]);
  const config = seasonConfig({
    candidates: whole('candidates'),
    programmes: whole('programmes'),
    concurrency: whole('concurrency'),
    pollMs: whole('poll-ms'),
    propagationTimeoutMs: whole('wait-s') * 1000,
    timeoutMs: whole('timeout-s') * 1000,
    urls: urlsFromEnv(process.env),
    ...(values['run-id'] === undefined ? {} : { runId: values['run-id'] }),
  });
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());
  // The tokens outlive the run; the services check them with the keys in AUTH_DEV_KEY_DIR, as npm start does.
  const expiresIn = Math.ceil(config.timeoutMs / 1000) + 600;
  const token = (subject: string, role: Role) => signDevToken({ sub: subject, roles: [role], expiresIn });
  process.stdout.write(
    `season: ${config.candidates} candidates over ${config.programmes} programmes → ${config.urls.candidacy}…\n`,
  );
  const result = await runSeason(config, {
    token,
    juryTime: realJuryTime(MAX_SESSION_WAIT_MS, whole('jury-clock-shift-days')),
    signal: interrupted.signal,
    progress: (line) => process.stdout.write(`  ${line}\n`),
  });
  const report = summarize(result);
  process.stdout.write(`\n${formatReport(report)}`);
  process.stdout.write(`report: ${writeReport(report, '.local/season')}\n`);
  return report.verdict.ok ? 0 : 1;
}

main().then(
  // Explicitly: idle keep-alive sockets must not hold the process once the report is written.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`season: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  },
);
