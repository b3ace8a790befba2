// FerretDB over PostgreSQL: what a GIN index (ensureGinIndexes) buys an equality find, next to a
// find by _id and to FerretDB's own createIndex, on the servers of infra/local/up.sh:
//   source .local/env && node -r @swc-node/register bench/ferretdb-gin.bench.ts
// Round trips through FerretDB carry the noise of a shared machine; PostgreSQL's own execution
// time of the same SQL (EXPLAIN ANALYZE) shows what the index changes.
import { ensureGinIndexes } from '@admissions/platform';
import { testEnv, uniqueName } from '@admissions/testing';
import { mongo } from 'mongoose';
import { Client, escapeIdentifier } from 'pg';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const QUERIES = 200;
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Candidate {
  _id: number;
  email: string;
  programme: string;
}

interface Plan {
  'Node Type': string;
  Plans?: Plan[];
}

const at = (sorted: number[], share: number) => sorted[Math.floor(share * (sorted.length - 1))].toFixed(2).padStart(7);

/** QUERIES sequential finds on random values: median and 95th percentile of the round trip. */
async function roundTrips(query: (i: number) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const start = process.hrtime.bigint();
    await query(Math.floor(Math.random() * DOCS));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return `median ${at(times, 0.5)} ms, p95 ${at(times, 0.95)} ms`;
}

/** The SQL FerretDB sends for {field: value}, run with EXPLAIN ANALYZE: median execution time and the plan's scan. */
async function inPostgres(pg: Client, table: string, field: string, value: unknown): Promise<string> {
  const times: number[] = [];
  let scan = '';
  for (let q = 0; q < 20; q++) {
    const { rows } = await pg.query<{ 'QUERY PLAN': [{ Plan: Plan; 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT _jsonb FROM ${table} WHERE _jsonb->$1::text @> $2::jsonb`,
      [field, JSON.stringify(value)],
    );
    const [{ Plan: plan, 'Execution Time': ms }] = rows[0]['QUERY PLAN'];
    times.push(ms);
    scan = (plan.Plans?.[0] ?? plan)['Node Type'];
  }
  times.sort((a, b) => a - b);
  return `in PostgreSQL ${at(times, 0.5)} ms (${scan})`;
}

async function main(): Promise<void> {
  const env = testEnv();
  if (!env.ferretdbPgUrl) throw new Error('FERRETDB_PG_URL is not set: this measures FerretDB over PostgreSQL');
  const database = uniqueName('bench_gin');
  const client = await new mongo.MongoClient(env.mongoUrl).connect();
  const pg = new Client({ connectionString: env.ferretdbPgUrl });
  await pg.connect();
  const candidates = client.db(database).collection<Candidate>('candidates');
  try {
    for (let i = 0; i < DOCS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, DOCS - i) }, (_, k) => i + k);
      await candidates.insertMany(
        batch.map((n) => ({ _id: n, email: `c${n}@example.org`, programme: `MS-${n % 500}` })),
      );
    }
    const { rows } = await pg.query<{ table: string }>(
      `SELECT _jsonb->>'table' AS table FROM ${escapeIdentifier(database)}._ferretdb_database_metadata`,
    );
    const table = `${escapeIdentifier(database)}.${escapeIdentifier(rows[0].table)}`;
    await pg.query(`ANALYZE ${table}`);
    const line = async (label: string, field: string, value: unknown, find: (i: number) => Promise<unknown>) =>
      say(`${label.padEnd(34)} ${await roundTrips(find)} | ${await inPostgres(pg, table, field, value)}`);
    const byId = (i: number) => candidates.findOne({ _id: i });
    const byEmail = (i: number) => candidates.findOne({ email: `c${i}@example.org` });
    const byProgramme = (i: number) => candidates.find({ programme: `MS-${i % 500}` }).toArray();

    say(`bench: FerretDB over PostgreSQL, ${DOCS} documents, ${QUERIES} finds per line`);
    await line("_id, FerretDB's unique btree", '_id', 4321, byId);
    await line('email (1 match), no index', 'email', 'c4321@example.org', byEmail);
    await line(`programme (${DOCS / 500} matches), no index`, 'programme', 'MS-42', byProgramme);
    await candidates.createIndexes([{ key: { email: 1 } }, { key: { programme: 1 } }]);
    await line('email, createIndex (btree)', 'email', 'c4321@example.org', byEmail);
    await line('programme, createIndex (btree)', 'programme', 'MS-42', byProgramme);
    await ensureGinIndexes(env.ferretdbPgUrl, database, 'candidates', ['_id', 'email', 'programme']);
    await line('_id, GIN index', '_id', 4321, byId);
    await line('email, GIN index', 'email', 'c4321@example.org', byEmail);
    await line('programme, GIN index', 'programme', 'MS-42', byProgramme);
  } finally {
    await client.db(database).dropDatabase();
    await Promise.all([client.close(), pg.end()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
