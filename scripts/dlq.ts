// Dead letters at a terminal, against the local servers (docs/operations.md, Dead letters):
//   npm run dlq -- list                       every consumer group of the five services
//   npm run dlq -- list <group>               the group's dead letters, one per line
//   npm run dlq -- show <group> <id>          one dead letter in full
//   npm run dlq -- replay <group> [--all | <id>]
// The group names its service (`review.candidacy-intake`); each command runs that service's
// operator job (`dead-letters`, `replay-dlq`), the code behind its /v1/dead-letters API.
import { runOperatorJob } from '../libs/platform/src/operations';
import { operatorEnv, SERVICES, terminal } from './operator-services';

type Service = keyof typeof SERVICES;
const USAGE = 'usage: npm run dlq -- list [<group>] | show <group> <id> | replay <group> [--all | <id>]';

/** The jobs to run, by service, or why not. */
function plan(argv: readonly string[]): [Service, string[]][] | string {
  const [command, group, ...rest] = argv;
  const service = group?.split('.')[0] as Service | undefined;
  if (command === 'list' && group === undefined) {
    return Object.keys(SERVICES).map((name) => [name as Service, ['dead-letters']]);
  }
  if (service === undefined || !(service in SERVICES)) {
    return group === undefined ? USAGE : `unknown consumer group "${group}": it starts with its service's name`;
  }
  if (command === 'list' && rest.length === 0) return [[service, ['dead-letters', group]]];
  if (command === 'show' && rest.length === 1) return [[service, ['dead-letters', group, rest[0]]]];
  if (command === 'replay' && rest.length <= 1) {
    const selection = rest.length === 0 || rest[0] === '--all' ? ['--all'] : ['--dead-letter', rest[0]];
    return [[service, ['replay-dlq', group, ...selection]]];
  }
  return USAGE;
}

async function main(): Promise<number> {
  const jobs = plan(process.argv.slice(2));
  if (typeof jobs === 'string') {
    terminal.err(`dlq: ${jobs}`);
    return 2;
  }
  let code = 0;
  for (const [service, argv] of jobs) {
    code = Math.max(code, await runOperatorJob(SERVICES[service], argv, { env: operatorEnv(), ...terminal }));
  }
  return code;
}

void main().then((code) => process.exit(code));
