import type { mongo } from 'mongoose';

/**
 * The documents with these _ids, by one lookup each in parallel: an `$in` over ids would scan
 * the whole collection on FerretDB, where an exact _id lookup is the one query that is always fast.
 */
export async function findByIds<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  ids: readonly string[],
): Promise<D[]> {
  const found: (D | null)[] = await Promise.all(
    [...new Set(ids)].map((_id) => collection.findOne<D>({ _id } as mongo.Filter<D>)),
  );
  return found.filter((document): document is D => document !== null);
}
