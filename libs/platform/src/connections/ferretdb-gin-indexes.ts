import { createHash } from 'node:crypto';
import { Client, DatabaseError, escapeIdentifier, escapeLiteral } from 'pg';

/** unique_violation on pg_class, duplicate_table: another process created the same index meanwhile. */
const CREATED_MEANWHILE = ['23505', '42P07'];
/** undefined_table: FerretDB has not created the database's catalogue (no collection yet). */
const UNDEFINED_TABLE = ['42P01'];

/**
 * Adds a GIN index on each top-level field of a collection that FerretDB 1.x keeps in PostgreSQL.
 *
 * FerretDB pushes an equality filter on a top-level field down to SQL as `_jsonb->'f' @> '"v"'`.
 * The btree that `createIndexes` builds on `(_jsonb->'f')` cannot serve `@>` (FerretDB issue
 * #4646), nor can its unique btree on `_id`: without a GIN index even a find by `_id` scans the
 * table. A GIN index on the same expression serves it, provided the server plans each query with
 * its parameters (`plan_cache_mode = force_custom_plan`, as infra/local sets it): FerretDB's
 * prepared statements take the field name as a parameter, and a generic plan can use no index.
 * FerretDB does not know these indexes (listIndexes leaves them out) and drops them with the
 * collection's table. The collection must exist; calling again, or from several processes at
 * once, changes nothing.
 *
 * @param pgUrl the PostgreSQL behind FerretDB (`FERRETDB_PG_URL`)
 * @param database the MongoDB database, which FerretDB keeps as a PostgreSQL schema of that name
 */
export async function ensureGinIndexes(
  pgUrl: string,
  database: string,
  collection: string,
  fields: readonly string[],
): Promise<void> {
  for (const field of fields) assertTopLevel(field);
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const table = await tableOf(client, database, collection);
    for (const field of fields) await createGinIndex(client, database, table, field);
  } finally {
    await client.end();
  }
}

/** FerretDB pushes dotted paths and operators down to no index: such an index would only cost writes. */
function assertTopLevel(field: string): void {
  if (field === '' || field.includes('.') || field.startsWith('$')) {
    throw new Error(`GIN index on "${field}": FerretDB uses indexes for top-level fields only`);
  }
}

/** The table FerretDB named for the collection, from its catalogue in the database's schema. */
async function tableOf(client: Client, database: string, collection: string): Promise<string> {
  const catalogue = `${escapeIdentifier(database)}._ferretdb_database_metadata`;
  let rows: { table: string }[] = [];
  try {
    ({ rows } = await client.query(`SELECT _jsonb->>'table' AS table FROM ${catalogue} WHERE _jsonb->>'_id' = $1`, [
      collection,
    ]));
  } catch (error) {
    if (!isPgError(error, UNDEFINED_TABLE)) throw error;
  }
  if (rows.length === 0) throw new Error(`FerretDB has no collection "${collection}" in database "${database}"`);
  return rows[0].table;
}

async function createGinIndex(client: Client, schema: string, table: string, field: string): Promise<void> {
  const sql =
    `CREATE INDEX IF NOT EXISTS ${escapeIdentifier(indexName(table, field))} ` +
    `ON ${escapeIdentifier(schema)}.${escapeIdentifier(table)} USING gin ((_jsonb->${escapeLiteral(field)}))`;
  try {
    await client.query(sql);
  } catch (error) {
    if (!isPgError(error, CREATED_MEANWHILE)) throw error;
  }
}

function isPgError(error: unknown, codes: readonly string[]): boolean {
  return error instanceof DatabaseError && codes.includes(error.code ?? '');
}

/**
 * Stable and unique per table and field, within PostgreSQL's 63 bytes: a longer name would be
 * cut, and two fields sharing the cut name would silently share one index.
 */
function indexName(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 8);
  const readable = field
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 16);
  return `${table.slice(0, 32)}_${readable}_gin_${hash}`;
}

/**
 * Gives every collection of a database the GIN indexes FerretDB can use: on `_id`, and on each
 * field FerretDB itself indexes (its btree indexes on `(_jsonb->'f')`, read from PostgreSQL's
 * catalogue). So a collection's indexes are declared once, with createIndex, as on MongoDB.
 */
export async function mirrorIndexesAsGin(pgUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const wanted = new Map<string, Set<string>>();
    for (const { table } of await tablesOf(client, database)) wanted.set(table, new Set(['_id']));
    const { rows } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT tablename AS table, indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1`,
      [database],
    );
    // Top-level fields only, `(_jsonb -> 'f'::text)`; a dotted path reads `(_jsonb -> 'f'::text) -> 'g'::text`.
    for (const { table, definition } of rows.filter((row) => row.definition.includes('btree')))
      for (const [, field] of definition.matchAll(/_jsonb -> '((?:[^']|'')+)'::text\)(?! ->)/g))
        wanted.get(table)?.add(field.replace(/''/g, "'"));
    // A round that finds every index in place (the usual case) sends no DDL.
    const existing = new Set(rows.map((row) => row.name));
    for (const [table, fields] of wanted)
      for (const field of fields)
        if (!existing.has(indexName(table, field))) await createGinIndex(client, database, table, field);
  } finally {
    await client.end();
  }
}

async function tablesOf(client: Client, database: string): Promise<{ table: string }[]> {
  try {
    const { rows } = await client.query<{ table: string }>(
      `SELECT _jsonb->>'table' AS table FROM ${escapeIdentifier(database)}._ferretdb_database_metadata`,
    );
    return rows;
  } catch (error) {
    if (isPgError(error, UNDEFINED_TABLE)) return []; // no collection yet
    throw error;
  }
}
