// Every deadline that came due fired exactly once: its current schedule settled FIRED (or was
// cancelled before), none is left pending past its time or failed, and each fired offer expiry
// settled its offer once (expired, or enrolled or declined just before).
import { DeadlineRepository } from '@admissions/deadlines';
import type { StoredEvent } from '@admissions/event-store';
import { LOG_START } from '@admissions/event-store';
import type { ServiceStore, Stores } from '../stores';
import { type Check, check } from './check';

const SETTLING = new Set(['OfferExpired', 'CandidateEnrolled', 'OfferDeclined']);

/** `now`: the clock of the jury and the notification service (both run the same days ahead). */
export async function deadlinesFiredOnce(stores: Stores, now: Date): Promise<Check> {
  const figures: Record<string, number> = {};
  const problems: string[] = [];
  const firedExpiries: string[] = [];
  for (const service of ['jury', 'notification'] as const) {
    const tally = { due: 0, fired: 0, cancelled: 0, 'pending past due': 0, failed: 0, 'not yet due': 0 };
    for (const deadline of await deadlinesOf(stores.of[service])) {
      if (deadline.dueAt > now) {
        tally['not yet due'] += 1;
        continue;
      }
      tally.due += 1;
      if (deadline.status === 'FIRED') tally.fired += 1;
      else if (deadline.status === 'CANCELLED') tally.cancelled += 1;
      else if (deadline.status === 'FAILED') tally.failed += 1;
      else tally['pending past due'] += 1;
      if (deadline.status === 'PENDING' || deadline.status === 'FAILED') {
        problems.push(`${service}: ${deadline.id} due ${deadline.dueAt.toISOString()} is ${deadline.status}`);
      }
      const offerId = (deadline.command.data as { offerId?: string }).offerId;
      if (service === 'jury' && deadline.status === 'FIRED' && offerId) firedExpiries.push(offerId);
    }
    for (const [name, count] of Object.entries(tally)) figures[`${service}: ${name}`] = count;
  }
  const settled = settlementsByOffer(await logOf(stores.of.jury));
  const notOnce = firedExpiries.filter((offerId) => settled.get(offerId) !== 1);
  figures['jury: fired offer expiries settling their offer once'] = firedExpiries.length - notOnce.length;
  figures['offers settled more than once'] = [...settled.values()].filter((count) => count > 1).length;
  problems.push(...notOnce.map((offerId) => `jury: offer ${offerId} settled ${settled.get(offerId) ?? 0} times`));
  for (const [offerId, count] of settled) if (count > 1) problems.push(`jury: offer ${offerId} settled ${count} times`);
  return check('every deadline that came due fired exactly once', figures, problems);
}

async function deadlinesOf({ db }: ServiceStore) {
  const repository = new DeadlineRepository(db);
  const heads = await db
    .collection<{ _id: string }>('deadlines')
    .find({}, { projection: { _id: 1 } })
    .toArray();
  const found = await Promise.all(heads.map(({ _id }) => repository.find(_id)));
  return found.filter((deadline) => deadline !== null);
}

export async function logOf({ store }: ServiceStore): Promise<StoredEvent[]> {
  return (await store.readLog(LOG_START, Number.MAX_SAFE_INTEGER)).events;
}

/** How many times each offer was expired, enrolled on or declined. */
function settlementsByOffer(events: readonly StoredEvent[]): Map<string, number> {
  const settled = new Map<string, number>();
  for (const event of events) {
    if (!SETTLING.has(event.type)) continue;
    const { offerId } = event.data as { offerId: string };
    settled.set(offerId, (settled.get(offerId) ?? 0) + 1);
  }
  return settled;
}
