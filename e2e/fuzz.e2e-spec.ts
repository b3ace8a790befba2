// Fuzzing from the contracts: every operation of every service's OpenAPI document, called with
// valid, boundary and hostile requests by holders of the roles it allows. No 5xx, every refusal a
// problem+json naming the field or the rule, and nothing appended on a refusal. FUZZ_RUNS sets
// the requests per operation (`npm run fuzz` runs a long one); FUZZ_SEED replays a run.
import { fuzzService, type OperationReport, startService, type ServiceUnderTest } from '@admissions/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import { SERVICE_MODULES } from './security/role-matrix';

/** Bounded in `npm test`: about a minute and a half on two shared cores. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** FUZZ_SERVICES=candidacy,jury fuzzes only those. */
const ONLY = process.env.FUZZ_SERVICES?.split(',');
/** FUZZ_RESUME_AT='GET /v1/me/data' starts each service's run at that operation (an interrupted run resumed). */
const RESUME_AT = process.env.FUZZ_RESUME_AT;
/** FUZZ_PROGRESS=1 prints a line as each operation ends, for runs that take hours. */
const PROGRESS = process.env.FUZZ_PROGRESS === '1';
/** FUZZ_REPORT names where the figures go (`npm run fuzz` runs several processes, each with its own). */
const REPORT = process.env.FUZZ_REPORT ?? join(__dirname, '..', '.local', 'fuzz-report.json');

function progress(service: string): (report: OperationReport) => void {
  return ({ operation, requests, statuses, failure }) =>
    process.stderr.write(
      `fuzz ${service} ${operation}: ${requests} requests ${JSON.stringify(statuses)}${failure === undefined ? '' : ' FAILED'}\n`,
    );
}

describe(`fuzzing every operation from the OpenAPI documents (${RUNS} requests each)`, () => {
  const services = new Map<string, ServiceUnderTest>();
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    // Each service in a namespace of its own: what one appends reaches no other.
    for (const [name, module] of SERVICE_MODULES.filter(([name]) => ONLY?.includes(name) ?? true)) {
      services.set(
        name,
        name === 'notification' ? await startNotification(sink, {}) : await startService(name, module),
      );
    }
  });

  afterAll(async () => {
    for (const started of [...services.values()].reverse()) await started.close();
    await sink?.stop();
  });

  it(
    'answers no 5xx, refuses with problem+json naming the field or the rule, appends nothing on a refusal',
    async () => {
      const startedAt = Date.now();
      const reports = await Promise.all(
        [...services].map(async ([name, svc]) => ({
          service: name,
          operations: await fuzzService(svc, RUNS, {
            seed: SEED,
            onOperation: PROGRESS ? progress(name) : undefined,
            resumeAt: RESUME_AT,
          }),
        })),
      );
      const all: (OperationReport & { service: string })[] = reports.flatMap(({ service, operations }) =>
        operations.map((operation) => ({ service, ...operation })),
      );
      const statuses: Record<string, number> = {};
      for (const report of all)
        for (const [status, count] of Object.entries(report.statuses))
          statuses[status] = (statuses[status] ?? 0) + count;
      mkdirSync(join(REPORT, '..'), { recursive: true });
      writeFileSync(
        REPORT,
        `${JSON.stringify({ runsPerOperation: RUNS, seconds: (Date.now() - startedAt) / 1000, operations: all.length, requests: all.reduce((sum, report) => sum + report.requests, 0), statuses, unready: all.reduce((sum, report) => sum + (report.unready ?? 0), 0), reports: all }, null, 2)}\n`,
      );

      expect(
        all
          .filter((report) => report.failure !== undefined)
          .map((report) => `${report.service} ${report.operation}: ${report.failure}`),
      ).toEqual([]);
      if (ONLY === undefined && RESUME_AT === undefined) expect(all.length).toBeGreaterThan(90);
      expect(Object.keys(statuses).filter((status) => Number(status) >= 500)).toEqual([]);
    },
    Math.max(900_000, RUNS * 2_000),
  );
});
