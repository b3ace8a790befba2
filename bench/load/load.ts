// `npm run load [-- --quick]`: admission-day peaks against the services `npm start` runs, each
// scenario beside its raw baseline in the same run (the machine is shared: read the ratios).
// P1 drives the candidacy service of `npm start`; P4, P5 and P3 boot the jury in this process
// on a clock the run moves (moved-clock-jury.ts). Prints the table, writes a dated section of
// docs/benchmarks.md and its charts under docs/benchmarks/. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { urlsFromEnv } from '../../e2e/season/config';
import { type LoadResults, p1Rows, p3Row, p4Row, p5Row, table, writeCharts, writeSection } from './load-report';
import { rssNow } from './memory';
import { MovedClockJury } from './moved-clock-jury';
import { adapterRows, runAdapters } from './p1-adapters';
import { runP1 } from './p1-commands';
import { runP3 } from './p3-rebuild';
import { runP4 } from './p4-offer-batch';
import { runP5 } from './p5-deadline-storm';

const ROOT = resolve(__dirname, '..', '..');
/** The jury of P4/P5 keeps its deadlines in a Redis database of its own (npm start's is 0, the tests' 9-14). */
const REDIS_DB = 7;

const SIZES = {
  full: { p1Seconds: 60, offers: 10_000, waitMs: 600_000 },
  quick: { p1Seconds: 10, offers: 300, waitMs: 120_000 },
};

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      // `--only p1|p4|p5|p3 [--offers N]`: the commands alone, the admission-day batch alone, the
      // batch then its deadline storm, or the rebuild of the log P4 and P5 leave; `--only adapters`: P1's bare route on Express and on
      // Fastify, three rounds. Printed, nothing written.
      only: { type: 'string' },
      offers: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick;
  const size = quick ? SIZES.quick : SIZES.full;
  const offers = values.offers === undefined ? size.offers : Number(values.offers);
  if (!Number.isInteger(offers) || offers < 1) throw new Error(`--offers: a positive integer, not ${values.offers}`);
  if (values.only === 'p4' || values.only === 'p5') return onlyP4(offers, size.waitMs, values.only === 'p5');
  if (values.only === 'p3') return onlyP3(offers, size.waitMs);
  if (values.only === 'adapters') return onlyAdapters(size.p1Seconds);
  if (values.only !== undefined && values.only !== 'p1')
    throw new Error(`--only: p1, p4, p5, p3 or adapters, not ${values.only}`);
  const candidacyUrl = urlsFromEnv(process.env).candidacy;
  const ready = await fetch(`${candidacyUrl}/health/ready`).catch(() => undefined);
  if (!ready?.ok) throw new Error(`candidacy at ${candidacyUrl} is not ready: start the services with \`npm start\``);

  const rssAtRest = rssNow(ROOT);
  const p1 = await runP1({ candidacyUrl, seconds: size.p1Seconds, connections: 16, files: 64, root: ROOT }, say);
  if (values.only === 'p1') {
    say(
      `\n${p1Rows(p1)
        .map((cells) => `| ${cells.join(' | ')} |`)
        .join('\n')}\n`,
    );
    return;
  }

  const runId = Date.now().toString(36).slice(-5);
  say(`P4/P5: booting the jury on a moved clock, seeding ${offers} admissions (not timed)`);
  const jury = await MovedClockJury.start(offers, REDIS_DB, runId);
  try {
    await jury.seed();
    await jury.sitSessions();
    say(`P4: ${jury.programmes.length} programmes decide their sessions at once`);
    const p4 = await runP4(jury, size.waitMs);
    say('P5: every offer reaches its last instant');
    const p5 = await runP5(jury, size.waitMs);
    say('P3: rebuilding the candidates’ applications from the jury’s log');
    const p3 = await runP3(jury);
    const results: LoadResults = {
      quick,
      date: new Date().toISOString().slice(0, 10),
      commit: measuredCommit(),
      machine: await machine(jury),
      p1,
      rssAtRest,
      p4,
      p5,
      p3,
    };
    say(`\n${results.machine}\n\n${table(results)}\n`);
    const charts = writeCharts(ROOT, results);
    writeSection(ROOT, results, charts);
    say(`written: docs/benchmarks.md, ${charts.map((chart) => `docs/${chart}`).join(', ')}`);
    await jury.db.dropDatabase();
  } finally {
    await jury.close();
  }
}

async function onlyAdapters(seconds: number): Promise<void> {
  const rounds = await runAdapters({ root: ROOT, seconds, connections: 16, rounds: 3 }, say);
  say(
    `\n| round | Express | Fastify | Fastify / Express |\n| --- | --- | --- | --- |\n${adapterRows(rounds).join('\n')}\n`,
  );
}

/** P4 alone, or with `storm` P4 then P5 (P5 needs P4's offers). */
async function onlyP4(offers: number, waitMs: number, storm: boolean): Promise<void> {
  say(`P4: booting the jury on a moved clock, seeding ${offers} admissions (not timed)`);
  const jury = await MovedClockJury.start(offers, REDIS_DB, Date.now().toString(36).slice(-5));
  try {
    await jury.seed();
    await jury.sitSessions();
    const rows = [p4Row(await runP4(jury, waitMs))];
    if (storm) {
      say('P5: every offer reaches its last instant');
      rows.push(p5Row(await runP5(jury, waitMs)));
    }
    say(`\n${await machine(jury)}\n\n${rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}\n`);
    await jury.db.dropDatabase();
  } finally {
    await jury.close();
  }
}

/** P3 needs the log that P4 and P5 leave: both run first, untimed for the report. */
async function onlyP3(offers: number, waitMs: number): Promise<void> {
  say(`P3: booting the jury on a moved clock, seeding ${offers} admissions, then P4 and P5 (not reported)`);
  const jury = await MovedClockJury.start(offers, REDIS_DB, Date.now().toString(36).slice(-5));
  try {
    await jury.seed();
    await jury.sitSessions();
    await runP4(jury, waitMs);
    await runP5(jury, waitMs);
    const p3 = await runP3(jury);
    say(`\n${await machine(jury)}\n\n| ${p3Row(p3).join(' | ')} |\n`);
    await jury.db.dropDatabase();
  } finally {
    await jury.close();
  }
}

function measuredCommit(): string | undefined {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined; // not a git checkout
  }
}

async function machine(jury: MovedClockJury): Promise<string> {
  const info = (await jury.db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  const kafkaJar = readdirSync(join(ROOT, '.local', 'kafka', 'libs')).find((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  const kafka = kafkaJar?.replace(/^kafka_2\.13-|\.jar$/g, '') ?? 'unknown';
  return (
    `${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, shared with other engineers' ` +
    `test runs (noisy: read the ratios of the same run); Node ${process.version}, Kafka ${kafka}, ` +
    `FerretDB ${info.ferretdbVersion ?? 'unknown'} over PostgreSQL.`
  );
}

main().then(
  // Explicitly: the clients' sockets must not hold the process once the report is written.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
