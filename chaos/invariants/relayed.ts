// Every stored event reached its Kafka topic: the distinct ce_ids on each service's topic are the
// events in its log (an event may be there twice after a crash: consumers are idempotent).
import type { DeploymentNames } from '@admissions/platform';
import { storeRelayAudit } from '@admissions/testing';
import { SERVICES } from '../cluster';
import type { Stores } from '../stores';
import { type Check, check } from './check';

export async function eventsRelayed(
  stores: Stores,
  names: DeploymentNames,
  injected: ReadonlySet<string>,
): Promise<Check> {
  const figures: Record<string, number> = {};
  const problems: string[] = [];
  for (const service of SERVICES) {
    const audit = await storeRelayAudit(stores.of[service].store, names, service);
    // The poison the suite published itself is on the candidacy topic, and in no store.
    const unknown = audit.unknown.filter((id) => !injected.has(id));
    figures[`${service}: events stored`] = audit.logged;
    figures[`${service}: distinct on the topic`] = audit.logged - audit.missing.length + unknown.length;
    figures[`${service}: delivered twice`] = audit.duplicated.length;
    problems.push(...audit.missing.map((id) => `${service}: ${id} stored, not on the topic`));
    problems.push(...unknown.map((id) => `${service}: ${id} on the topic, not stored`));
  }
  return check('every stored event reached its Kafka topic', figures, problems);
}
