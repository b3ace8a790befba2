import { ProjectionRunner } from '@admissions/projections';
import { OperatorInputError, secondsSince, type OperatorJob } from './operator-job';
import { withServiceLease } from './service-lease';

/** `rebuild <read-model>`: drops a read model and folds the service's event log into it again. */
export const rebuildReadModel: OperatorJob = {
  usage: 'rebuild <read-model>',
  parse(args, options) {
    const projections = options.projections ?? [];
    const [name, ...rest] = args;
    if (name === undefined || rest.length > 0) throw new OperatorInputError(`usage: ${this.usage}`);
    const projection = projections.find((candidate) => candidate.name === name);
    if (!projection) {
      const known = projections.map((candidate) => candidate.name).join(', ') || 'none';
      throw new OperatorInputError(`unknown read model "${name}" of ${options.service} (known: ${known})`);
    }
    return (context) =>
      withServiceLease(context, async (lease) => {
        const start = Date.now();
        const runner = new ProjectionRunner(context.store, context.db, [projection], lease);
        let events = 0;
        let position = 0;
        await runner.rebuild(projection, (read, reached) => {
          events += read;
          position = reached.position;
          context.progress(`${projection.name}: ${events} events folded, up to position ${position}`);
        });
        const documents = await runner.collection(projection).countDocuments({});
        const digest = await runner.digest(projection);
        return `rebuilt ${projection.name}: ${events} events up to position ${position}, ${documents} documents, digest ${digest}, ${secondsSince(start)}`;
      });
  },
};
