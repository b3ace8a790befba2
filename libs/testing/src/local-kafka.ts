import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const KAFKA_PID = join(__dirname, '..', '..', '..', '.local', 'run', 'kafka.pid');

/** The broker infra/local/up.sh started, if it did: a test pauses it (SIGSTOP) for a real outage. */
export function localKafkaPid(): number | undefined {
  return existsSync(KAFKA_PID) ? Number(readFileSync(KAFKA_PID, 'utf8').trim()) : undefined;
}
