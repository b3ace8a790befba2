// `npm run chaos [-- --short | --minutes <n>]` (scripts/chaos.sh starts the servers and builds the
// services first): a chaos run against this machine's local servers; exit 0 when every invariant holds.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LONG, scaled, SHORT } from './plan';
import { formatReport, passed, timeline, writeReport } from './report';
import { runChaos } from './run';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { short: { type: 'boolean' }, minutes: { type: 'string' } } });
  const plan = scaled(values.short ? SHORT : LONG, values.minutes === undefined ? undefined : Number(values.minutes));
  // Ctrl-C ends the load and goes on to stop the instances and report, as the time bound does.
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());
  process.once('SIGTERM', () => interrupted.abort());
  const log = timeline((line) => process.stdout.write(`${line}\n`));
  const report = await runChaos(plan, { log, dropData: false, signal: interrupted.signal });
  process.stdout.write(`\n${formatReport(report)}`);
  process.stdout.write(`report: ${writeReport(report, join(__dirname, '..', '.local', 'chaos'))}\n`);
  return passed(report) ? 0 : 1;
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
