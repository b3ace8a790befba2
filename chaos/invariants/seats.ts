// JURY-5: the seats taken (offers held, enrolments, referral seats) never exceeded a programme's
// places, after any single event of its stream.
import { programmeStreamId } from '../../apps/jury/src/application/jury-streams';
import { replaySeats } from '../../apps/jury/src/jury.int-helpers';
import type { Stores } from '../stores';
import { type Check, check } from './check';

export async function seatsWithinPlaces(
  stores: Stores,
  programmes: readonly { readonly code: string; readonly places: number }[],
): Promise<Check> {
  const figures: Record<string, number> = {};
  const problems: string[] = [];
  for (const { code, places } of programmes) {
    const { events } = await stores.of.jury.store.readStream(programmeStreamId(code));
    const { maxTaken, summary } = replaySeats(events);
    figures[`${code}: events`] = summary.events;
    figures[`${code}: most seats taken / places ${places}`] = maxTaken;
    if (maxTaken > places) problems.push(`${code}: ${maxTaken} seats taken for ${places} places`);
  }
  return check('seats never exceeded places at any event', figures, problems);
}
