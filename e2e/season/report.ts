// What a season run measured, as figures: the JSON report (kept under .local/season/) and the
// table printed at the end of `npm run season`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RouteSummary } from './http';
import type { CandidateRecord, Decision, SeasonResult } from './scenario';
import { type Distribution, distribution } from './stats';

export interface Propagation {
  readonly label: string;
  /** Writes that answered 2xx and were awaited downstream. */
  readonly awaited: number;
  /** Of those, never seen within the propagation timeout. */
  readonly missing: number;
  /** Of those seen, how many the figures are from (all of them unless a sample was timed). */
  readonly timed: number;
  readonly ms: Distribution | undefined;
}

export interface SeasonReport extends Omit<SeasonResult, 'http'> {
  /** ok: every file reached its worklist, every decision its inbox, no 5xx, no request unanswered, no early stop. */
  readonly verdict: { readonly ok: boolean; readonly problems: readonly string[] };
  readonly counts: {
    readonly submitted: number;
    readonly admissible: number;
    readonly decided: Readonly<Record<Decision, number>>;
    readonly offersMade: number;
  };
  readonly propagation: readonly Propagation[];
  readonly http: {
    readonly requests: number;
    readonly serverErrors: number;
    readonly unanswered: number;
    readonly routes: readonly RouteSummary[];
  };
}

export function summarize(result: SeasonResult): SeasonReport {
  const { candidates, http: routes } = result;
  const count = (has: (c: CandidateRecord) => boolean) => candidates.filter(has).length;
  const submitted = count((c) => c.submittedAt !== undefined);
  const decidedAs = (decision: Decision) => count((c) => c.decision === decision);
  const propagation = [
    propagated(
      'submission → lead worklist',
      candidates,
      (c) => c.submittedAt !== undefined,
      (c) => c.worklistMs,
    ),
    propagated(
      'opinion → jury books',
      candidates,
      (c) => c.admissible === true,
      (c) => c.juryMs,
    ),
    propagated(
      'decision → candidate inbox',
      candidates,
      (c) => c.decision !== undefined,
      (c) => c.inboxMs,
      (c) => c.inboxTimed === true,
    ),
  ];
  const failures = routes.flatMap((route) => route.failures);
  const serverErrors = failures.filter((f) => Number(f.status) >= 500).reduce((sum, f) => sum + f.count, 0);
  // Requests the run itself cut short ('stopped') are not the platform's failures.
  const unanswered = failures
    .filter((f) => f.status === 'timeout' || f.status === 'no answer')
    .reduce((sum, f) => sum + f.count, 0);
  const problems = [
    ...(result.stoppedBy === undefined ? [] : [`the run stopped: ${result.stoppedBy}`]),
    ...(submitted < candidates.length ? [`${candidates.length - submitted} file(s) not submitted`] : []),
    ...propagation.filter((p) => p.missing > 0).map((p) => `${p.label}: ${p.missing} never seen`),
    ...(serverErrors > 0 ? [`${serverErrors} answer(s) 5xx`] : []),
    ...(unanswered > 0 ? [`${unanswered} request(s) without an answer`] : []),
  ];
  return {
    ...result,
    verdict: { ok: problems.length === 0, problems },
    counts: {
      submitted,
      admissible: count((c) => c.admissible === true),
      decided: {
        ADMITTED: decidedAs('ADMITTED'),
        WAITLISTED: decidedAs('WAITLISTED'),
        REJECTED: decidedAs('REJECTED'),
      },
      offersMade: count((c) => c.offerId !== undefined),
    },
    propagation,
    http: { requests: routes.reduce((sum, r) => sum + r.count, 0), serverErrors, unanswered, routes },
  };
}

function propagated(
  label: string,
  candidates: readonly CandidateRecord[],
  awaited: (c: CandidateRecord) => boolean,
  delay: (c: CandidateRecord) => number | undefined,
  timed: (c: CandidateRecord) => boolean = () => true,
): Propagation {
  const mine = candidates.filter(awaited);
  const seen = mine.filter((c) => delay(c) !== undefined);
  const delays = seen.filter(timed).map((c) => delay(c) as number);
  return {
    label,
    awaited: mine.length,
    missing: mine.length - seen.length,
    timed: delays.length,
    ms: distribution(delays),
  };
}

/** The report as .local/season/report-<timestamp>.json; returns its path. */
export function writeReport(report: SeasonReport, directory: string): string {
  const dir = resolve(directory);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `report-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const num = (value: number | undefined, width = 7) => (value === undefined ? '–' : String(value)).padStart(width);

export function formatReport(report: SeasonReport): string {
  const { config, counts, jury } = report;
  const lines = [
    `season ${report.runId} · ${config.candidates} candidates over ${config.programmes} programmes · ` +
      `${config.concurrency} applying at once · wall ${seconds(report.wallMs)}`,
    `phases: ${Object.entries(report.phasesMs)
      .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
      .join(' · ')}`,
    '',
    `${'propagation (ms)'.padEnd(30)}${'seen'.padStart(7)}${'missing'.padStart(8)}` +
      `${'p50'.padStart(7)}${'p95'.padStart(7)}${'p99'.padStart(7)}${'max'.padStart(7)}`,
    ...report.propagation.map(
      ({ label, awaited, missing, ms }) =>
        `${label.padEnd(30)}${num(awaited - missing)}${num(missing, 8)}${num(ms?.p50)}${num(ms?.p95)}${num(ms?.p99)}${num(ms?.max)}`,
    ),
    ...report.propagation
      .filter(({ awaited, missing, timed }) => timed < awaited - missing)
      .map(
        ({ label, timed }) => `  ${label}: p50–max of the ${timed} timed (read first); the others checked to arrive`,
      ),
    '',
    `candidates: ${counts.submitted} submitted · ${counts.admissible} admissible · decided ` +
      `${counts.decided.ADMITTED} admitted, ${counts.decided.WAITLISTED} waitlisted, ${counts.decided.REJECTED} rejected · ` +
      `${counts.offersMade} offers made`,
    `jury: ${jury.status}${jury.reason ? ` — ${jury.reason}` : ''}`,
    '',
    `${'HTTP route'.padEnd(56)}${'count'.padStart(7)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'max'.padStart(7)}  slowest`,
    ...report.http.routes.map(
      (r) =>
        `${r.route.padEnd(56)}${num(r.count)}${num(r.p50)}${num(r.p95)}${num(r.max)}  ${r.slowest.status} at ${r.slowest.at}`,
    ),
    '',
    `non-2xx by route and status (${report.http.serverErrors} 5xx, ${report.http.unanswered} unanswered):`,
    ...report.http.routes.flatMap((r) =>
      r.failures.map((f) => `  ${r.route} ${f.status} ×${f.count}${f.sample ? ` (${f.sample})` : ''}`),
    ),
    ...(report.http.routes.some((r) => r.failures.length > 0) ? [] : ['  none']),
    '',
    report.verdict.ok ? 'verdict: ok' : `verdict: FAILED — ${report.verdict.problems.join('; ')}`,
  ];
  return `${lines.join('\n')}\n`;
}
