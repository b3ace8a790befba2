// The baseline of a read model's rebuild (npm run bench, npm run load): the least a rebuild can do
// with the raw driver — one cursor over every commit, the projection's own evolve in memory, then
// every document in one unordered insertMany (the collection was emptied). No log batches, no
// positions, no checkpoints: what the runner adds is the difference.
import { eventsOfCommit, type CommitDocument } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { mongo } from 'mongoose';

/** Refolds `projection` from `commits` into `target` (emptied first); answers the events read. */
export async function rawRebuild<D extends ReadModel>(
  commits: mongo.Collection<CommitDocument>,
  target: mongo.Collection<D>,
  projection: Projection<D>,
): Promise<number> {
  await target.deleteMany({});
  const handles = new Set<string>(projection.handles);
  const documents = new Map<string, D>();
  let events = 0;
  for await (const commit of commits.find({})) {
    for (const event of eventsOfCommit(commit)) {
      events += 1;
      if (!handles.has(event.type)) continue;
      for (const id of projection.documentsOf(event))
        documents.set(id, projection.evolve(documents.get(id) ?? null, event, id));
    }
  }
  const inserted = [...documents].map(([id, document]) => ({ ...document, _id: id }));
  if (inserted.length > 0) await target.insertMany(inserted as never, { ordered: false });
  return events;
}
