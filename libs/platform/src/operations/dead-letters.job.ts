import type { DeadLetterView } from '../dead-letters/dead-letters';
import { withDeadLetters } from './dead-letters-of';
import { OperatorInputError, type OperatorJob } from './operator-job';

const stateOf = (letter: DeadLetterView) =>
  letter.replayed === undefined ? 'pending' : `replayed ${letter.replayed.at.toISOString()} by ${letter.replayed.by}`;

/**
 * `dead-letters [<group> [<id>]]`: what `GET /v1/dead-letters[/{group}[/{id}]]` answers, for an
 * operator at a terminal: the service's groups with their counts, a group's dead letters one per
 * line, or one dead letter in full (JSON).
 */
export const listDeadLetters: OperatorJob = {
  usage: 'dead-letters [<group> [<id>]]',
  parse(args) {
    const [group, id, ...rest] = args;
    if (rest.length > 0) throw new OperatorInputError(`usage: ${this.usage}`);
    return (context) =>
      withDeadLetters(context, async (letters) => {
        if (group === undefined) {
          const groups = await letters.summary();
          for (const g of groups) {
            const span =
              g.oldestAt === undefined ? '' : `, ${g.oldestAt.toISOString()} to ${g.newestAt?.toISOString()}`;
            context.progress(`${g.group}: ${g.held} held, ${g.pending} pending${span}`);
          }
          return `${groups.reduce((sum, g) => sum + g.pending, 0)} dead letters pending in ${groups.length} groups`;
        }
        if (id !== undefined) return JSON.stringify(await letters.get(group, id), null, 2);
        const list = await letters.list(group);
        for (const letter of list) {
          context.progress(
            `${letter.id} ${letter.type ?? '(no ce_type)'} ${letter.eventId ?? '(no ce_id)'} ` +
              `${letter.deadLetteredAt.toISOString()} ${stateOf(letter)}: ${letter.error}`,
          );
        }
        return `${group}: ${list.length} dead letters, ${list.filter((l) => l.replayed === undefined).length} pending`;
      });
  },
};
