// Every read model equals the same projection folded again from scratch (digests compared).
import { storeModelsUnlikeRebuild } from '@admissions/testing';
import { SERVICES } from '../cluster';
import type { Stores } from '../stores';
import { type Check, check } from './check';

export async function readModelsRebuilt(stores: Stores): Promise<Check> {
  let compared = 0;
  const unlike: string[] = [];
  for (const service of SERVICES) {
    const { store, db, options } = stores.of[service];
    const projections = options.projections ?? [];
    compared += projections.length;
    unlike.push(...(await storeModelsUnlikeRebuild(store, db, projections)).map((name) => `${service}: ${name}`));
  }
  return check(
    'every read model equals a rebuild from scratch',
    { 'read models compared': compared, 'equal to their rebuild': compared - unlike.length },
    unlike,
  );
}
