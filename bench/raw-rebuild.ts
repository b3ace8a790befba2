// The baseline of a read model's rebuild (npm run bench, npm run load): the least a rebuild can do
// with the raw driver — one cursor over every commit, the projection's own evolve in memory,
// unordered bulkWrites of BULK_WRITE_CHUNK (as the runner: FerretDB holds no more). No log
// batches, no positions, no checkpoints: what the runner adds is the difference.
import { bulkWriteInChunks, eventsOfCommit, type CommitDocument } from '@admissions/event-store';
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
  const writes = [...documents].map(([id, document]) => ({
    replaceOne: { filter: { _id: id }, replacement: document, upsert: true },
  }));
  await bulkWriteInChunks(target, writes as never, { ordered: false });
  return events;
}
