import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestEnv {
  readonly kafkaBrokers: string[];
  readonly mongoUrl: string;
  /** The PostgreSQL behind FerretDB, when the MongoDB server is FerretDB over PostgreSQL. */
  readonly ferretdbPgUrl?: string;
  readonly redisUrl: string;
}

const ENV_FILE = join(__dirname, '..', '..', '..', '.local', 'env');

/** Reads `export NAME=value` lines written by infra/local/up.sh. */
function fromEnvFile(): Record<string, string> {
  if (!existsSync(ENV_FILE)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  return values;
}

/**
 * Where the real servers of the integration tests are: the environment first, then the file
 * that `npm test` (infra/local/up.sh) wrote. Missing servers are a set-up error, said plainly.
 */
export function testEnv(): TestEnv {
  const file = fromEnvFile();
  const pick = (name: string) => {
    const value = process.env[name] ?? file[name];
    if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (it starts the servers)`);
    return value;
  };
  return {
    kafkaBrokers: pick('KAFKA_BROKERS').split(','),
    mongoUrl: pick('MONGO_URL'),
    // From where MONGO_URL came: a MongoDB named in the environment is not the file's FerretDB.
    ferretdbPgUrl: (process.env.MONGO_URL ? process.env.FERRETDB_PG_URL : file.FERRETDB_PG_URL) || undefined,
    redisUrl: pick('REDIS_URL'),
  };
}
