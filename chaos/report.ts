// The run's report: faults by kind, what the load did, each invariant with its counts, as text
// for the terminal and as JSON under .local/chaos/ for docs/operations.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChaosReport } from './run';

/** A log that stamps each line with the seconds since it was made: the run's timeline. */
export function timeline(write: (line: string) => void): (line: string) => void {
  const started = Date.now();
  return (line) => write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
}

export function passed(report: ChaosReport): boolean {
  return report.stoppedBy === undefined && report.serversHealthy && report.checks.every((c) => c.problems.length === 0);
}

export function formatReport(report: ChaosReport): string {
  const lines = [`chaos run ${report.runId} (namespace ${report.namespace})`];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  lines.push(
    `  phases: ${Object.entries(report.phasesMs)
      .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
      .join(', ')}`,
  );
  lines.push(
    `  faults: ${
      Object.entries(report.faultCounts)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  const { load } = report;
  lines.push(
    `  load: ${load.acknowledged} commands answered 2xx; ${load.submitted} files submitted, ${load.opinions} opinions, ` +
      `${load.decisions} decisions, ${load.offers} offers (${load.enrolled} enrolled, ${load.declined} declined), ${load.plans} mobility plans`,
  );
  if (report.refusals.length > 0) lines.push('  commands not answered 2xx (after retries):');
  for (const { route, status, count, sample } of report.refusals) {
    lines.push(`         ${route} ${status} ×${count} (${sample.slice(0, 90)})`);
  }
  for (const check of report.checks) {
    lines.push(`  ${check.problems.length === 0 ? 'ok  ' : 'FAIL'} ${check.name}`);
    for (const [name, value] of Object.entries(check.figures)) lines.push(`         ${name}: ${value}`);
    for (const problem of check.problems) lines.push(`         ! ${problem}`);
  }
  if (report.stoppedBy) lines.push(`  stopped: ${report.stoppedBy}`);
  if (report.restartedUnready.length > 0) {
    lines.push(`  instances restarted for staying unready after the faults: ${report.restartedUnready.join(', ')}`);
  }
  lines.push(`  servers after the run: ${report.serversHealthy ? 'running and healthy' : 'NOT healthy'}`);
  lines.push(`  verdict: ${passed(report) ? 'every invariant holds' : 'FAILED'}`);
  return `${lines.join('\n')}\n`;
}

export function writeReport(report: ChaosReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `chaos-${report.runId}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
