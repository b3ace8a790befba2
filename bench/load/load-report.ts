// What `npm run load` prints and keeps: one table (stdout and a dated section of
// docs/benchmarks.md) and three SVG charts under docs/benchmarks/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineChart } from './chart-svg';
import type { HammerFigures } from './hammer';
import { SERVICE_NAMES, type Rss } from './memory';
import type { P1Result } from './p1-commands';
import type { P3Result } from './p3-rebuild';
import type { P4Result } from './p4-offer-batch';
import type { P5Result } from './p5-deadline-storm';

export interface LoadResults {
  readonly quick: boolean;
  readonly date: string;
  /** The commit measured (`git describe --always --dirty`), when git can tell. */
  readonly commit?: string;
  readonly machine: string;
  readonly p1: P1Result;
  readonly rssAtRest: Rss;
  readonly p4: P4Result;
  readonly p5: P5Result;
  readonly p3: P3Result;
}

const ratio = (ours: number, baseline: number) => (baseline > 0 ? (ours / baseline).toFixed(2) : '–');
const secs = (ms: number | undefined) =>
  ms === undefined ? 'not reached' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const perSecond = (count: number, ms: number) => `${Math.round((count * 1000) / Math.max(1, ms))}/s`;
const http = (h: HammerFigures) =>
  `${h.rps.toFixed(0)} req/s, p50/p95/p99 ${h.latency.p50}/${h.latency.p95}/${h.latency.p99} ms${h.failed ? `, ${h.failed} failed` : ''}`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** P4's row of the table; `npm run load -- --only p4` prints it alone. */
export function p4Row(p4: P4Result): [string, string, string, string, string] {
  return [
    `P4 ${p4.offers} offers (batch per programme)`,
    `all visible + jobs scheduled in ${secs(p4.ms)} (visible ${secs(p4.visible.ms)}, jobs ${secs(p4.scheduled.ms)}); ${p4.seenOverHttp}/${p4.offers} seen over HTTP`,
    `raw insertMany + BullMQ addBulk: ${secs(p4.baselineMs)}`,
    p4.ms === undefined ? '–' : ratio(p4.baselineMs, p4.ms),
    `all visible: ${met(p4.ms !== undefined && p4.seenOverHttp === p4.offers)}`,
  ];
}

/** P5's row of the table; `npm run load -- --only p5` prints it after P4's. */
export function p5Row(p5: P5Result): [string, string, string, string, string] {
  return [
    `P5 ${p5.offers} offers due at ${p5.expiresAt}`,
    `expired and seats passed on in ${secs(p5.ms)}; missed ${p5.missed}, twice ${p5.twice}, overbooked ${p5.overbooked}, queue idle ${p5.queueIdle ? 'yes' : 'NO'}; enrolments at .990 won ${p5.enrolments.won}/${p5.enrolments.tried}`,
    '–',
    '–',
    `≤ 60 s, 0 missed, 0 twice: ${met(p5.ms !== undefined && p5.ms <= 60_000 && p5.missed === 0 && p5.twice === 0)}`,
  ];
}

/** P3's row of the table; `npm run load -- --only p3` prints it alone. */
export function p3Row(p3: P3Result): [string, string, string, string, string] {
  return [
    `P3 rebuild rm_candidate_applications (${p3.events} events → ${p3.documents} docs)`,
    perSecond(p3.events, p3.ms) + ' events',
    `raw cursor + insertMany: ${perSecond(p3.events, p3.baselineMs)} events`,
    ratio(p3.baselineMs, p3.ms),
    `≥ 0.7: ${met(p3.baselineMs >= 0.7 * p3.ms)}`,
  ];
}

/** P1's two rows (saturation, then half of it); `npm run load -- --only p1` prints them alone. */
export function p1Rows(p1: P1Result): [string, string, string, string, string][] {
  const sat = p1.saturation;
  const steady = p1.steady;
  return [
    [
      'P1 identity PUT, saturation',
      http(sat.ours),
      `bare PUT (insertOne + Kafka send): ${http(sat.baseline)}`,
      ratio(sat.ours.rps, sat.baseline.rps),
      `≥ 0.5: ${met(sat.ours.rps >= 0.5 * sat.baseline.rps)}`,
    ],
    [
      `P1 identity PUT, ${steady.rate} req/s`,
      http(steady.ours),
      `bare PUT: ${http(steady.baseline)}`,
      `p99 ${ratio(steady.ours.latency.p99, steady.baseline.latency.p99)}×`,
      `p99 ≤ 100 ms: ${met(steady.ours.latency.p99 <= 100)}`,
    ],
  ];
}

export function table(r: LoadResults): string {
  const { p1, p3, p4, p5 } = r;
  const rows: [string, string, string, string, string][] = [...p1Rows(p1), p3Row(p3), p4Row(p4), p5Row(p5)];
  const memory = SERVICE_NAMES.map(
    (name) => `${name} ${r.rssAtRest[name] ?? '–'} → ${p1.rssUnderLoad[name] ?? '–'} MB`,
  ).join(' · ');
  return [
    '| scenario | ours | baseline (same run) | ratio | goal |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `RSS at rest → highest under P1: ${memory}`,
  ].join('\n');
}

/** Writes the three charts; answers their paths relative to docs/. */
export function writeCharts(root: string, r: LoadResults): string[] {
  const dir = join(root, 'docs', 'benchmarks');
  mkdirSync(dir, { recursive: true });
  const stem = freeStem(dir, `load-${r.date}${r.quick ? '-quick' : ''}`);
  const line = (h: HammerFigures, key: 'p50' | 'p99') => h.timeline.map((s) => [s.second, s[key]] as const);
  const { saturation, steady } = r.p1;
  const seconds = (points: readonly (readonly [number, number])[]) => points.map(([ms, n]) => [ms / 1000, n] as const);
  const charts = {
    p1: lineChart({
      title: `P1 identity PUT: latency per second (${r.date})`,
      xLabel: 'seconds into the run',
      yLabel: 'ms',
      series: [
        { label: 'ours p99, saturation', colour: '#c0392b', points: line(saturation.ours, 'p99') },
        { label: 'ours p50, saturation', colour: '#e67e22', points: line(saturation.ours, 'p50') },
        { label: 'bare p99, saturation', colour: '#7f8c8d', points: line(saturation.baseline, 'p99') },
        { label: `ours p99, ${steady.rate}/s`, colour: '#2980b9', points: line(steady.ours, 'p99') },
        { label: `ours p50, ${steady.rate}/s`, colour: '#27ae60', points: line(steady.ours, 'p50') },
        { label: `bare p99, ${steady.rate}/s`, colour: '#8e44ad', points: line(steady.baseline, 'p99') },
      ],
    }),
    p4: lineChart({
      title: `P4: ${r.p4.offers} offers from the jury's batches (${r.date})`,
      xLabel: 'seconds from the first batch sent',
      yLabel: 'offers',
      series: [
        { label: 'visible to the candidate', colour: '#2980b9', points: seconds(r.p4.visible.points) },
        { label: 'expiry job scheduled', colour: '#c0392b', points: seconds(r.p4.scheduled.points) },
      ],
    }),
    p5: lineChart({
      title: `P5: ${r.p5.offers} offers due at one instant (${r.date})`,
      xLabel: 'seconds from the clock reaching the instant',
      yLabel: 'offers',
      series: [
        { label: 'expired, as the candidate sees it', colour: '#c0392b', points: seconds(r.p5.expired.points) },
        { label: 'seat passed to the waiting list', colour: '#27ae60', points: seconds(r.p5.passedOn.points) },
      ],
    }),
  };
  return Object.entries(charts).map(([name, svg]) => {
    writeFileSync(join(dir, `${stem}-${name}.svg`), svg);
    return `benchmarks/${stem}-${name}.svg`;
  });
}

/** `stem`, or `stem-2`, `stem-3`…: the charts of an earlier run of the same day stay beside its section. */
function freeStem(dir: string, stem: string): string {
  let free = stem;
  for (let n = 2; existsSync(join(dir, `${free}-p1.svg`)); n += 1) free = `${stem}-${n}`;
  return free;
}

/** The run as a dated section of docs/benchmarks.md, placed above the earlier dated runs. */
export function writeSection(root: string, r: LoadResults, charts: readonly string[]): void {
  const path = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const section = [
    `## ${r.date}, \`npm run load${r.quick ? ' -- --quick' : ''}\`${r.commit === undefined ? '' : ` at \`${r.commit}\``}`,
    '',
    r.machine,
    '',
    table(r),
    '',
    charts.map((chart) => `![${chart}](${chart})`).join('\n'),
    '',
    '',
  ].join('\n');
  const at = doc.search(/\n## \d{4}-\d{2}-\d{2}/);
  writeFileSync(path, at < 0 ? `${doc}\n${section}` : `${doc.slice(0, at + 1)}${section}${doc.slice(at + 1)}`);
}
