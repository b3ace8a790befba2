import { CommandRunner } from '@admissions/event-store';
import { CommandGateway, systemActorOf } from '../commands/command-gateway';
import { serviceClock } from '../config/service-clock';
import { PersonErasure } from '../erasure/person-erasure';
import { ErasureByKeyDestruction } from '../retention/erasure.port';
import { reportLines, runRetention } from '../retention/retention-run';
import { OperatorInputError, secondsSince, type OperatorJob } from './operator-job';

interface RetentionArgs {
  readonly dryRun: boolean;
  readonly asOf?: Date;
}

function argsOf(args: readonly string[], usage: string): RetentionArgs {
  let dryRun = false;
  let asOf: Date | undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--as-of' && args[i + 1] !== undefined) {
      i += 1;
      asOf = new Date(args[i]);
      if (!/^\d{4}-\d{2}-\d{2}/.test(args[i]) || Number.isNaN(asOf.getTime()))
        throw new OperatorInputError(`--as-of must be an ISO date, e.g. 2028-02-01 (got "${args[i]}")`);
    } else throw new OperatorInputError(`usage: ${usage}`);
  }
  // Erasing ahead of time is not a thing to ask by mistake: a given day is for the report only.
  if (asOf !== undefined && !dryRun) throw new OperatorInputError('--as-of goes with --dry-run only');
  return { dryRun, asOf };
}

/**
 * `retention [--dry-run] [--as-of <date>]`: the service's retention policy, as the daily job runs
 * it. A dry run prints, per category, how many people's data would be erased and who; a live run
 * erases each (their key destroyed, PersonErased appended for the service to publish) and prints
 * the counts.
 */
export const retention: OperatorJob = {
  usage: 'retention [--dry-run] [--as-of <date>]',
  parse(args, options) {
    const { dryRun, asOf } = argsOf(args, this.usage);
    const selectorOf = options.retention;
    if (selectorOf === undefined) throw new OperatorInputError(`${options.service} has no retention policy`);
    return async (context) => {
      const start = Date.now();
      const clock = serviceClock(context.env);
      const selector = selectorOf({ db: context.db, store: context.store, env: context.processEnv });
      const gateway = new CommandGateway(new CommandRunner(context.store), clock, {
        actor: systemActorOf(options.service),
      });
      const erasure = new ErasureByKeyDestruction(
        new PersonErasure(context.keys, context.cipher, context.keyDestructions, gateway, clock),
      );
      const report = await runRetention(selector, erasure, asOf ?? clock.now(), dryRun);
      for (const line of reportLines(report)) context.progress(line);
      const total = report.due.length;
      return `retention ${dryRun ? 'dry run' : 'run'} as of ${report.asOf}: ${total} ${dryRun ? 'would be erased' : 'due'}, ${secondsSince(start)}`;
    };
  },
};
