// Regenerates the role matrix of docs/security.md from the routes' @Public() / @Roles(...):
// `npm run security:matrix` after changing who may call a route. Needs the services' settings
// (`set -a; source .local/env`), not the servers: nothing is started.
import { declaredRoutes, type DeclaredRoute } from '@admissions/platform';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { renderMatrix, SECURITY_DOC, securityDocWith, SERVICE_MODULES } from '../e2e/security/role-matrix';

async function main(): Promise<void> {
  const routes = new Map<string, readonly DeclaredRoute[]>();
  for (const [name, module] of SERVICE_MODULES) {
    const app = await NestFactory.create(module, { logger: false, abortOnError: false });
    routes.set(name, declaredRoutes(app));
    await app.close();
  }
  writeFileSync(SECURITY_DOC, await securityDocWith(renderMatrix(routes)));
  process.stdout.write(`wrote ${SECURITY_DOC}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
