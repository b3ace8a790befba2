// What `npm run ops` and `npm run dlq` share: the five services' event-sourcing options and the
// local servers' settings.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSourcing as candidacy } from '../apps/candidacy/src/event-sourcing';
import { eventSourcing as jury } from '../apps/jury/src/event-sourcing';
import { eventSourcing as mobility } from '../apps/mobility/src/event-sourcing';
import { eventSourcing as notification } from '../apps/notification/src/event-sourcing';
import { eventSourcing as review } from '../apps/review/src/event-sourcing';

export const SERVICES = { candidacy, review, jury, notification, mobility };

/** The environment, over .local/env (infra/local/up.sh) when it exists. */
export function operatorEnv(): NodeJS.ProcessEnv {
  const file = join(__dirname, '..', '.local', 'env');
  const values: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match) values[match[1]] = match[2];
    }
  }
  return { ...values, ...process.env };
}

export const terminal = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
