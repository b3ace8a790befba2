// The role matrix of the five services, read from the code: each route's @Public() / @Roles(...)
// as the guard reads it. docs/security.md holds it between two markers (npm run security:matrix).
import { BaseEnv, type DeclaredRoute, MAX_INPUT_DEPTH, ROLES, type RouteAccess } from '@admissions/platform';
import { HOSTILE_STRINGS, HOSTILE_VALUES } from '@admissions/testing';
import type { Type } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CandidacyModule } from '../../apps/candidacy/src/candidacy.module';
import { JuryModule } from '../../apps/jury/src/jury.module';
import { MobilityModule } from '../../apps/mobility/src/mobility.module';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { ReviewModule } from '../../apps/review/src/review.module';

export const SERVICE_MODULES: readonly (readonly [string, Type<unknown>])[] = [
  ['candidacy', CandidacyModule],
  ['review', ReviewModule],
  ['jury', JuryModule],
  ['notification', NotificationModule],
  ['mobility', MobilityModule],
];

export const SECURITY_DOC = resolve(__dirname, '../../docs/security.md');
export const BEGIN = '<!-- role-matrix:begin (npm run security:matrix) -->';
export const END = '<!-- role-matrix:end -->';

// Served by every service from libs/platform: listed once, below the services' own routes.
const PLATFORM_PATHS = /^\/(health|metrics|asyncapi|schemas|v1\/me\/data)(\/|\.|$)/;

function who(access: RouteAccess): string {
  switch (access.kind) {
    case 'public':
      return 'anyone, without a token';
    case 'undeclared':
      return '**undeclared** (any valid token)';
    case 'roles':
      return access.roles.length === ROLES.length
        ? 'every signed-in user'
        : access.roles.map((role) => `\`${role}\``).join(', ');
  }
}

const table = (routes: readonly DeclaredRoute[]) =>
  [
    '| operation | who may call it |',
    '| --- | --- |',
    ...routes.map((route) => `| \`${route.method} ${route.path}\` | ${who(route.access)} |`),
  ].join('\n');

/** The generated part of docs/security.md: one table per service, then the platform's routes. */
export function renderMatrix(routesByService: ReadonlyMap<string, readonly DeclaredRoute[]>): string {
  const sections = [...routesByService].map(
    ([service, routes]) => `### ${service}\n\n${table(routes.filter((route) => !PLATFORM_PATHS.test(route.path)))}`,
  );
  const [anyService] = routesByService.values();
  const platform = (anyService ?? []).filter((route) => PLATFORM_PATHS.test(route.path));
  const count = [...routesByService.values()].reduce((sum, routes) => sum + routes.length, 0);
  return [
    `${count} operations in ${routesByService.size} services; ${ROLES.length} roles: ${ROLES.map((r) => `\`${r}\``).join(', ')}.`,
    ...sections,
    `### every service (libs/platform)\n\n${table(platform)}`,
  ].join('\n\n');
}

/** The rate limits section, from the settings' defaults (BaseEnv). */
export function renderRateLimits(): string {
  const defaults = new BaseEnv();
  const window = defaults.RATE_LIMIT_WINDOW_SECONDS;
  const row = (limit: string, counts: string, keyedOn: string, setting: keyof BaseEnv) =>
    `| ${limit} | ${counts} | ${keyedOn} | \`${setting}\` = ${String(defaults[setting])} |`;
  return [
    '## Rate limits',
    '',
    `Commands (\`POST\`, \`PUT\`, \`PATCH\`, \`DELETE\`) are counted over a window of \`RATE_LIMIT_WINDOW_SECONDS\` (${window} s) ` +
      "in Redis, under the deployment's namespace, so that all the replicas of a service count together " +
      '(`libs/platform/src/rate-limit`, `e2e/rate-limits.e2e-spec.ts`). Reads are not limited.',
    '',
    '| limit (`ruleId`) | counts | keyed on | setting = default |',
    '| --- | --- | --- | --- |',
    row('`RATE-LIMIT-USER`', 'commands', "the token's subject", 'RATE_LIMIT_USER_COMMANDS'),
    row(
      '`RATE-LIMIT-ADDRESS`',
      'commands',
      'the client address (`TRUSTED_PROXY_HOPS` proxies believed)',
      'RATE_LIMIT_ADDRESS_COMMANDS',
    ),
    row('`RATE-LIMIT-UPLOAD`', 'multipart uploads', "the token's subject", 'RATE_LIMIT_UPLOADS'),
    '',
    'Over a limit: **429** problem+json `urn:admissions:problem:rate-limited` naming the limit in `ruleId`, with ' +
      '`Retry-After` (seconds until the window lets the request through); every command operation documents it. ' +
      '`RATE_LIMIT_ENABLED` is `true` when `NODE_ENV=production` and `false` elsewhere unless set (the test suites ' +
      'and `npm run season` send thousands of commands from one address). **When Redis does not answer** the ' +
      'limiter lets the request through (fail open) after at most 500 ms, logs the outage once and counts each ' +
      'check in `rate_limit_unavailable_total`: an outage of Redis must not refuse commands that need only MongoDB.',
  ].join('\n');
}

/** The fuzzing section, from the hostile values the fuzz draws (libs/testing/src/fuzz). */
export function renderFuzzing(): string {
  const kinds = [
    ...Object.keys(HOSTILE_STRINGS),
    ...Object.keys(HOSTILE_VALUES).filter((kind) => kind !== 'hostile strings'),
  ];
  return [
    '## Fuzzing from the contracts',
    '',
    "`e2e/fuzz.e2e-spec.ts` reads each running service's OpenAPI document and calls every operation with " +
      'requests built from it (fast-check), as a holder of a role the route declares: valid bodies, fields at ' +
      'and past their bounds, fields missing or added, wrong content types and charsets, malformed JSON, ' +
      'a body at the 1 MB limit, uploads with odd file names, contents and parts, path and query parameters ' +
      'drawn from ids the service handed out or hostile. The hostile values, by kind:',
    '',
    ...kinds.map((kind) => `- ${kind}`),
    '',
    'Each reply must be: no 5xx (one exception: the readiness probe `GET /health/ready` answers 503 with `Retry-After` whenever a server is slow to answer it, whatever the request; those are counted apart, as `unready`); a 4xx as problem+json naming the field (`field`, `errors[].field`) or the ' +
      'rule (`ruleId`, or a problem `type` for a request refused as a whole); no 401, and no 403 from the guard; ' +
      "and no commit appended under a refused request's correlation id (checked in the process and in " +
      '`es_commits`), so a refusal leaves every stream at its version. Input nesting deeper than ' +
      `${MAX_INPUT_DEPTH} levels, and text with a lone surrogate or NUL, is refused with 400 naming the field. ` +
      '`npm test` runs `FUZZ_RUNS` (default 100) requests per operation; `npm run fuzz -- 10000` a long run, in ' +
      'two jest processes side by side (`FUZZ_GROUPS` sets the split of the services), with a line per ' +
      'operation as it ends; `FUZZ_SEED` replays one. The figures of the last run are in ' +
      '`.local/fuzz-report.json`.',
  ].join('\n');
}

const SECTIONS_BEGIN = '<!-- generated-sections:begin (npm run security:matrix) -->';
const SECTIONS_END = '<!-- generated-sections:end -->';

function between(doc: string, begin: string, end: string, content: string): string {
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`${SECURITY_DOC} has lost its markers ${begin} … ${end}`);
  return `${doc.slice(0, start + begin.length)}\n\n${content}\n\n${doc.slice(stop)}`;
}

/**
 * docs/security.md with its matrix replaced by `matrix` and its generated sections (rate limits,
 * fuzzing) by what the code says, formatted as the repository formats markdown.
 */
export async function securityDocWith(matrix: string): Promise<string> {
  const current = readFileSync(SECURITY_DOC, 'utf8');
  const withSections = current.includes(SECTIONS_BEGIN)
    ? current
    : `${current.trimEnd()}\n\n${SECTIONS_BEGIN}\n${SECTIONS_END}\n`;
  const doc = between(
    between(withSections, BEGIN, END, matrix),
    SECTIONS_BEGIN,
    SECTIONS_END,
    `${renderRateLimits()}\n\n${renderFuzzing()}`,
  );
  const options = (await resolveConfig(SECURITY_DOC)) ?? {};
  return format(doc, { ...options, parser: 'markdown' });
}
