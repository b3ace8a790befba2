// Every command answered 2xx has its commits in the store, logged: nothing acknowledged is lost.
import { commitsOf } from '../../libs/platform/src/consistency/consistency-token';
import type { Acknowledged } from '../load';
import type { Stores } from '../stores';
import { type Check, check } from './check';

export async function acknowledgedStored(acknowledged: readonly Acknowledged[], stores: Stores): Promise<Check> {
  let commits = 0;
  let events = 0;
  const lost: string[] = [];
  for (const { service, route, consistencyToken } of acknowledged) {
    for (const id of commitsOf(consistencyToken)) {
      commits += 1;
      const { store } = stores.of[service];
      const progress = await store.commitProgress(id);
      if (progress !== 'logged') lost.push(`${service} ${route}: commit ${id} ${progress}`);
      else events += (await store.commits.findOne({ _id: id }))?.events.length ?? 0;
    }
  }
  return check(
    'every command answered 2xx has its events in the store',
    {
      'commands answered 2xx': acknowledged.length,
      'commits they name': commits,
      'their events': events,
      lost: lost.length,
    },
    lost,
  );
}
