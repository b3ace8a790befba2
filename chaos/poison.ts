// Poison published on purpose, as a faulty producer would: a CandidacySubmitted whose payload
// breaks its contract, on the candidacy topic the review and notification services consume. Their
// consumers must park it on their dead-letter topics, and nothing else may land there.
import type { DeploymentNames } from '@admissions/platform';
import { SourceEvents } from '../apps/notification/test/source-events';

export async function publishPoison(names: DeploymentNames, count: number, runId: string): Promise<Set<string>> {
  const source = new SourceEvents(names);
  const ids = new Set<string>();
  try {
    for (let n = 1; n <= count; n += 1) {
      const { eventId } = await source.publish('candidacy', `candidacy-poison-${runId}-${n}`, 'CandidacySubmitted', {
        poison: `not a submission (${n})`,
      });
      ids.add(eventId);
    }
  } finally {
    await source.close();
  }
  return ids;
}
