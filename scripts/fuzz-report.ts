// The long fuzz's figures: `npm run fuzz` runs one jest process per group of services, each
// writing its own report; this merges them into .local/fuzz-report.json and prints the summary.
//   node -r @swc-node/register scripts/fuzz-report.ts <wall seconds> <report.json>...
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Report {
  readonly runsPerOperation: number;
  readonly operations: number;
  readonly requests: number;
  readonly statuses: Record<string, number>;
  readonly unready: number;
  readonly reports: unknown[];
}

const [wall, ...files] = process.argv.slice(2);
const parts = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
const statuses: Record<string, number> = {};
for (const part of parts)
  for (const [status, count] of Object.entries(part.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
const merged = {
  runsPerOperation: parts[0]?.runsPerOperation,
  seconds: Number(wall),
  processes: parts.length,
  operations: parts.reduce((sum, part) => sum + part.operations, 0),
  requests: parts.reduce((sum, part) => sum + part.requests, 0),
  statuses,
  unready: parts.reduce((sum, part) => sum + part.unready, 0),
  reports: parts.flatMap((part) => part.reports),
};
writeFileSync(join(__dirname, '..', '.local', 'fuzz-report.json'), `${JSON.stringify(merged, null, 2)}\n`);
process.stdout.write(
  `fuzz: ${merged.operations} operations, ${merged.requests} requests in ${merged.seconds} s over ${merged.processes} processes, statuses ${JSON.stringify(statuses)}, readiness 503s ${merged.unready}\n`,
);
