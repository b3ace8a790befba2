// Stores the released schema of every public event version in libs/contracts/released, the
// reference the compatibility gate holds the current schemas to (docs/events.md). Writes what is
// new or compatibly extended; refuses, exit 1, a change that breaks a released version.
//   npm run contracts:release
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  publishedVersionsOf,
  readReleasedSchemas,
  RELEASED_DIR,
  releasedFileOf,
  releasePlan,
} from '../libs/contracts/src';
import { publicContracts } from '../libs/platform/src/event-contracts/event-streams';

async function main(): Promise<void> {
  const contracts = publicContracts();
  const { write, refused } = releasePlan(contracts, readReleasedSchemas());
  if (refused.length > 0) {
    process.stderr.write(
      `contracts:release: refused, a released version would break:\n${refused.map((line) => `  ${line}\n`).join('')}` +
        'Raise the version and keep the released one in previousVersions (docs/events.md).\n',
    );
    process.exit(1);
  }
  mkdirSync(RELEASED_DIR, { recursive: true });
  for (const schema of write) {
    const path = join(RELEASED_DIR, releasedFileOf(schema.type, schema.version));
    const text = await format(JSON.stringify(schema.schema), { ...(await resolveConfig(path)), parser: 'json' });
    writeFileSync(path, text);
    process.stdout.write(`released ${relative(process.cwd(), path)}\n`);
  }
  const unchanged = contracts.flatMap(publishedVersionsOf).length - write.length;
  process.stdout.write(`contracts:release: ${write.length} written, ${unchanged} already released as they are\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`contracts:release: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
