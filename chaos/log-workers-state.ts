// What a service's log workers are at when its log does not settle: the entries still queued for
// the sequencer, and who holds the lease that runs it (the owner names its process id).
import { EVENT_LOG_LEASE } from '../libs/platform/src/event-sourcing/event-sourcing.module';
import type { ServiceStore } from './stores';

export async function logWorkersState({ db, store }: ServiceStore, now = Date.now()): Promise<string> {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  const [queued, oldest, lease] = await Promise.all([
    store.outbox.countDocuments({}),
    store.outbox.find({}).sort({ queuedAt: 1 }).limit(1).next(),
    db
      .collection<{ epoch: number; owner: string; expiresAt: Date }>('es_leases')
      .find({ name: EVENT_LOG_LEASE })
      .sort({ epoch: -1 })
      .limit(1)
      .next(),
  ]);
  const waiting = oldest ? `, the oldest for ${seconds(now - oldest.queuedAt.getTime())}` : '';
  const holder = lease
    ? `lease epoch ${lease.epoch} of ${lease.owner.split('-').slice(0, 2).join('-')}, ` +
      `${lease.expiresAt.getTime() > now ? 'expires in' : 'expired'} ${seconds(Math.abs(lease.expiresAt.getTime() - now))}${lease.expiresAt.getTime() > now ? '' : ' ago'}`
    : 'no lease ever taken';
  return `${queued} outbox entries${waiting}; ${holder}`;
}
