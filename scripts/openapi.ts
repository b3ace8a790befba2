// Writes the five services' OpenAPI documents to .local/openapi/<service>.json and counts, per
// service, the operations and the responses documented with a schema. Needs the settings the
// services need (`set -a; source .local/env`), not the servers: nothing is started.
//   npm run openapi
import { NestFactory } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../libs/platform/src/openapi/swagger';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { ReviewModule } from '../apps/review/src/review.module';
import { JuryModule } from '../apps/jury/src/jury.module';
import { NotificationModule } from '../apps/notification/src/notification.module';
import { MobilityModule } from '../apps/mobility/src/mobility.module';

const SERVICES: readonly [string, Type<unknown>][] = [
  ['candidacy', CandidacyModule],
  ['review', ReviewModule],
  ['jury', JuryModule],
  ['notification', NotificationModule],
  ['mobility', MobilityModule],
];

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function count(paths: Record<string, Record<string, Operation>>) {
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  const responses = operations.flatMap((operation) => Object.entries(operation.responses ?? {}));
  const withSchema = ([, response]: [string, { content?: Record<string, { schema?: unknown }> }]) =>
    Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
  const success = responses.filter(([status]) => status.startsWith('2'));
  return {
    operations: operations.length,
    successResponses: success.length,
    successWithSchema: success.filter(withSchema).length,
    // 204 and 202 have no body to describe.
    successWithoutBody: success.filter(([status]) => status === '204' || status === '202').length,
    errorResponses: responses.length - success.length,
    errorWithSchema: responses.filter(([status]) => !status.startsWith('2')).filter(withSchema).length,
  };
}

async function main(): Promise<void> {
  const folder = join(__dirname, '..', '.local', 'openapi');
  mkdirSync(folder, { recursive: true });
  for (const [name, module] of SERVICES) {
    const app = await NestFactory.create(module, { logger: false, abortOnError: false });
    const document = createOpenApiDocument(app, name);
    writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`${name}: ${JSON.stringify(count(document.paths as never))}\n`);
    await app.close();
  }
  process.stdout.write(`documents in ${folder}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
