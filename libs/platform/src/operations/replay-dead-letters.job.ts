import type { DeadLetterSelection } from '../dead-letters/dead-letters';
import { withDeadLetters } from './dead-letters-of';
import { OperatorInputError, secondsSince, type OperatorJob } from './operator-job';

function selectionOf(args: readonly string[], usage: string): DeadLetterSelection {
  if (args.length === 0 || (args.length === 1 && args[0] === '--all')) return { all: true };
  if (args.length === 2 && args[0] === '--id' && args[1] !== '') return { eventId: args[1] };
  if (args.length === 2 && args[0] === '--dead-letter' && args[1] !== '') return { id: args[1] };
  throw new OperatorInputError(`usage: ${usage}`);
}

/**
 * `replay-dlq <group> [--all | --id <ce_id> | --dead-letter <id>]`: hands a consumer group's dead
 * letters back to it, as `POST /v1/dead-letters/{group}/replay` does (DeadLetters.replay): each
 * not replayed yet is published again on its source topic and recorded, so a second run skips it.
 */
export const replayDeadLetters: OperatorJob = {
  usage: 'replay-dlq <group> [--all | --id <ce_id> | --dead-letter <id>]',
  parse(args) {
    const [group, ...rest] = args;
    if (group === undefined) throw new OperatorInputError(`usage: ${this.usage}`);
    const selection = selectionOf(rest, this.usage);
    return (context) =>
      withDeadLetters(context, async (letters) => {
        letters.assertGroup(group);
        const start = Date.now();
        const outcome = await letters.replay(group, selection, context.operator);
        for (const letter of outcome.replayed) {
          context.progress(
            `replayed ${letter.eventId ?? '(no ce_id)'} ${letter.type ?? ''} from ${letter.id} to ${letter.source.topic}`,
          );
        }
        for (const letter of outcome.unroutable) {
          context.progress(
            `${letter.id}: no source topic of this deployment in dlq_topic; left on the dead-letter topic`,
          );
        }
        return (
          `replay-dlq ${group}: ${outcome.replayed.length} replayed, ${outcome.replayedBefore.length} replayed before, ` +
          `${outcome.unroutable.length} without a source topic, of ${outcome.read} dead letters read; ${secondsSince(start)}`
        );
      });
  },
};
