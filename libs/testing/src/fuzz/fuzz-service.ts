import { EventStore } from '@admissions/event-store';
import { declaredRoutes, type Role, type RouteAccess } from '@admissions/platform';
import fc from 'fast-check';
import type { ServiceUnderTest } from '../service-under-test';
import { IdPool, materialise, send } from './fuzz-request';
import { replyFault } from './fuzz-verdict';
import { type DocumentedOperation, requestPlans } from './request-plans';
import type { Components } from './schema-values';

export interface OperationReport {
  /** `POST /v1/plans/{id}/credits` */
  readonly operation: string;
  /** Requests sent, shrinking included. */
  readonly requests: number;
  /** How many replies of each status. */
  readonly statuses: Readonly<Record<string, number>>;
  /**
   * The readiness probe's 503s (with Retry-After): its answer about the servers at that moment,
   * not about the request, so neither counted in `statuses` nor a fault.
   */
  readonly unready?: number;
  /** The smallest failing request fast-check found, and how to replay it; undefined when none failed. */
  readonly failure?: string;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
  readonly components?: { readonly schemas?: Components };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
/** Served by the platform beside the API: the document itself and the metrics scrape. */
const NOT_FUZZED = /^\/(docs|metrics)\b/;
/** The one operation whose 503 is its documented answer whatever the request. */
const READINESS = 'GET /health/ready';
/** Dev tokens live an hour; re-signing one per request cost the fuzz a tenth of its time. */
const TOKEN_REUSE_MS = 10 * 60_000;
/** A reported counterexample stays readable even when it holds a 200 kB string. */
const MAX_REPORT = 2_000;

/** The fault first, then the smallest request fast-check found (cut short) and how to replay it. */
function failureReport<T>(result: fc.RunDetails<T>): string {
  const fault = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  const example = JSON.stringify(result.counterexample).replace(
    /(.)\1{40,}/g,
    (run, char: string) => `${char}×${run.length}`,
  );
  return `${fault}\n  request: ${example.slice(0, MAX_REPORT)}\n  replay: FUZZ_SEED=${result.seed} (path ${result.counterexamplePath ?? '?'})`;
}

function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths)
    .filter(([path]) => !NOT_FUZZED.test(path))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
}

/** Who calls: no one for a @Public() route, else a holder of one of the roles it declares (two people each). */
function callers(access: RouteAccess | undefined): fc.Arbitrary<{ role: Role; subject: string } | undefined> {
  if (access?.kind !== 'roles') return fc.constant(undefined);
  return fc
    .tuple(fc.constantFrom(...access.roles), fc.constantFrom(1, 2))
    .map(([role, person]) => ({ role, subject: `fuzz-${role}-${person}` }));
}

/** The service's dev token for a caller, signed once per caller and TOKEN_REUSE_MS. */
function tokenSource(svc: ServiceUnderTest): (caller: { role: Role; subject: string }) => string {
  const signed = new Map<string, { token: string; at: number }>();
  return ({ role, subject }) => {
    const key = `${subject} ${role}`;
    const kept = signed.get(key);
    if (kept !== undefined && Date.now() - kept.at < TOKEN_REUSE_MS) return kept.token;
    const token = svc.tokenFor(subject, [role]);
    signed.set(key, { token, at: Date.now() });
    return token;
  };
}

/**
 * Fuzzes every operation of one running service from its own OpenAPI document (`/docs-json`),
 * `runs` requests each, with tokens of the roles its route declares. A request fails when its
 * reply is a 5xx, a 401/403, or a 4xx that is not problem+json naming the field or the rule, or
 * when the service appended a commit under a refused request's correlation id (a refusal leaves
 * every stream at its version). Operations run one after another, one request at a time, so the
 * ids the service hands out feed the requests after them.
 */
export async function fuzzService(
  svc: ServiceUnderTest,
  runs: number,
  options: {
    readonly seed?: number;
    readonly onOperation?: (report: OperationReport) => void;
    /** `GET /v1/me/data`: starts at this operation of the document, skipping those before it (a run resumed). */
    readonly resumeAt?: string;
  } = {},
): Promise<OperationReport[]> {
  const { seed, onOperation, resumeAt } = options;
  const document = (await (await fetch(`${svc.url}/docs-json`)).json()) as OpenApiDocument;
  const components = document.components?.schemas ?? {};
  const access = new Map(
    declaredRoutes(svc.app).map((route) => [`${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`, route.access]),
  );
  const store = svc.app.get(EventStore);
  const appendedBy = new Set<string>();
  const stopListening = store.onAppended((commit) => appendedBy.add(commit.correlationId));
  const pool = new IdPool();
  const tokenFor = tokenSource(svc);
  const reports: OperationReport[] = [];
  try {
    const operations = operationsOf(document);
    const first = operations.findIndex(({ method, path }) => `${method} ${path}` === resumeAt);
    for (const documented of operations.slice(Math.max(first, 0))) {
      const operation = `${documented.method} ${documented.path}`;
      const statuses: Record<string, number> = {};
      const refused: string[] = [];
      let requests = 0;
      let unready = 0;
      const property = fc.asyncProperty(
        requestPlans(documented, components),
        callers(access.get(operation)),
        async (plan, caller) => {
          const token = caller === undefined ? undefined : tokenFor(caller);
          const reply = await send(svc.url, materialise(documented.method, documented.path, plan, pool, token));
          requests += 1;
          if (operation === READINESS && reply.status === 503 && reply.retryAfter !== undefined) {
            unready += 1;
            return;
          }
          statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
          if (reply.status < 300) pool.collect(reply.body);
          const fault = replyFault(reply);
          if (fault !== undefined) throw new Error(`${plan.variant}: ${fault}`);
          if (reply.status >= 400) {
            if (appendedBy.has(reply.correlationId))
              throw new Error(`${plan.variant}: ${reply.status}, yet a commit was appended`);
            refused.push(reply.correlationId);
          }
        },
      );
      const result = await fc.check(property, { numRuns: runs, seed, endOnFailure: false });
      // The database, not only this process's listener: no commit carries a refused request's id.
      const appendedOnRefusal =
        refused.length === 0 ? 0 : await store.commits.countDocuments({ correlationId: { $in: refused } });
      const failure = result.failed
        ? failureReport(result)
        : appendedOnRefusal > 0
          ? `${appendedOnRefusal} commits appended under refused requests`
          : undefined;
      const report = {
        operation,
        requests,
        statuses,
        ...(unready === 0 ? {} : { unready }),
        ...(failure === undefined ? {} : { failure }),
      };
      reports.push(report);
      onOperation?.(report);
    }
  } finally {
    stopListening();
  }
  return reports;
}
