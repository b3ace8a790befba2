import { KafkaTopicAdmin } from '@admissions/messaging';
import { DeadLetterReplays } from '../dead-letters/dead-letter-replays';
import { DeadLetters } from '../dead-letters/dead-letters';
import type { OperatorJobContext } from './operator-job';

/** The service's dead letters as its API sees them, for a job; the replays are logged as the API logs them. */
export async function withDeadLetters<T>(
  context: OperatorJobContext,
  work: (letters: DeadLetters) => Promise<T>,
): Promise<T> {
  const admin = new KafkaTopicAdmin(context.kafka, { names: context.names.kafka });
  const letters = new DeadLetters(
    context.options.service,
    context.kafka,
    context.names,
    admin,
    new DeadLetterReplays(context.db),
    { info: (message, details) => context.logger.info(details, message) },
  );
  try {
    return await work(letters);
  } finally {
    await admin.close();
  }
}
