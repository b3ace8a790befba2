// An operator job of one service against the local servers (docs/operations.md, Jobs):
//   npm run ops -- <service> rebuild <read-model>
//   npm run ops -- <service> dead-letters [<group> [<id>]]
//   npm run ops -- <service> replay-dlq <group> [--all | --id <ce_id> | --dead-letter <id>]
//   npm run ops -- <service> republish --from <position>
//   npm run ops -- jury retention [--dry-run] [--as-of <date>]
// The servers come from the environment, else from .local/env (infra/local/up.sh); the database is
// the service's (MONGO_DB, default admissions_<service>), as `npm start` runs it.
import { runOperatorJob } from '../libs/platform/src/operations';
import { operatorEnv, SERVICES, terminal } from './operator-services';

const [service, ...argv] = process.argv.slice(2);
const options = SERVICES[service as keyof typeof SERVICES];
if (!options) {
  process.stderr.write(`usage: npm run ops -- <${Object.keys(SERVICES).join('|')}> <job> …\n`);
  process.exit(2);
}
void runOperatorJob(options, argv, { env: operatorEnv(), ...terminal }).then((code) => process.exit(code));
