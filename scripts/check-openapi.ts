// After the tests (scripts/test.sh): every reply the services under test gave, recorded by
// libs/testing's startService, is held against its operation's documented responses. Exits 1
// on a mismatch, naming the service, method, path, status and the schema error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConformanceChecker, type OpenApiDocument } from '../libs/testing/src/openapi-conformance';
import { OBSERVATIONS_DIR, type Observation } from '../libs/testing/src/openapi-observations';

const services = existsSync(OBSERVATIONS_DIR)
  ? readdirSync(OBSERVATIONS_DIR)
      .filter((file) => file.endsWith('.openapi.json'))
      .map((file) => file.slice(0, -'.openapi.json'.length))
  : [];

let observed = 0;
const mismatches = new Set<string>();
const seen: string[] = [];
for (const service of services) {
  const document = JSON.parse(
    readFileSync(join(OBSERVATIONS_DIR, `${service}.openapi.json`), 'utf8'),
  ) as OpenApiDocument;
  const checker = new ConformanceChecker(service, document);
  const log = join(OBSERVATIONS_DIR, `${service}.jsonl`);
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const operations = new Set<string>();
  for (const line of lines) {
    const observation = JSON.parse(line) as Observation;
    observed += 1;
    operations.add(`${observation.method.toLowerCase()} ${observation.path}`);
    const mismatch = checker.check(observation);
    if (mismatch !== undefined) mismatches.add(mismatch);
  }
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method} ${path}`),
  );
  const covered = documented.filter((operation) => operations.has(operation)).length;
  seen.push(`${service} ${covered}/${documented.length}`);
}

if (services.length === 0) {
  process.stdout.write('openapi: no service ran under test, no reply to check\n');
  process.exit(0);
}
process.stdout.write(
  `openapi: ${observed} replies checked against the documents (operations seen: ${seen.join(', ')}), ` +
    `${mismatches.size} mismatches\n`,
);
for (const mismatch of mismatches) process.stdout.write(`  ${mismatch}\n`);
process.exit(mismatches.size === 0 ? 0 : 1);
