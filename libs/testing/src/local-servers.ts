import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

export type LocalServer = 'kafka' | 'mongo' | 'redis';

const PID_FILES: Record<LocalServer, string> = {
  kafka: 'kafka.pid',
  mongo: 'ferretdb.pid',
  redis: 'redis.pid',
};

/** Whether infra/local/up.sh started these servers, so that a test may stop and start them. */
export function startedLocally(servers: readonly LocalServer[]): boolean {
  return servers.every((server) => existsSync(join(ROOT, '.local', 'run', PID_FILES[server])));
}

/** Stops one of the servers infra/local/up.sh started (its data stays). */
export async function stopLocalServer(server: LocalServer): Promise<void> {
  await run('bash', [join(ROOT, 'infra', 'local', 'down.sh'), server], { cwd: ROOT });
}

/** Starts again whatever infra/local/up.sh finds stopped; resolves once each server is ready. */
export async function startLocalServers(): Promise<void> {
  await run('bash', [join(ROOT, 'infra', 'local', 'up.sh')], { cwd: ROOT, env: withoutServerUrls() });
}

// up.sh starts nothing for a server named in the environment; a test process has them all set.
function withoutServerUrls(): NodeJS.ProcessEnv {
  const { KAFKA_BROKERS: _k, MONGO_URL: _m, REDIS_URL: _r, FERRETDB_PG_URL: _p, ...rest } = process.env;
  return rest;
}
