import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { mongo } from 'mongoose';
import { Client } from 'pg';
import { ensureGinIndexes, mirrorIndexesAsGin } from './ferretdb-gin-indexes';

const env = testEnv();

interface Application {
  _id: number;
  programme: string;
  status: string;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a PostgreSQL plan, as FerretDB's explain returns it under queryPlanner.Plan. */
function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

// Only FerretDB over PostgreSQL has these tables; a real MongoDB (MONGO_URL alone) has nothing to index.
(env.ferretdbPgUrl ? describe : describe.skip)('GIN indexes on FerretDB over PostgreSQL', () => {
  const pgUrl = env.ferretdbPgUrl ?? '';
  const database = uniqueName('gin');
  const mongoClient = new mongo.MongoClient(env.mongoUrl);
  const pg = new Client({ connectionString: pgUrl });
  const applications = mongoClient.db(database).collection<Application>('applications');

  const ginIndexes = async () => {
    const { rows } = await pg.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%' ORDER BY 1`,
      [database],
    );
    return rows;
  };

  beforeAll(async () => {
    await Promise.all([mongoClient.connect(), pg.connect()]);
    await applications.insertMany(
      Array.from({ length: 2000 }, (_, i) => ({
        _id: i,
        programme: `MS-${i % 200}`,
        status: ['draft', 'submitted', 'admitted', 'refused'][i % 4],
      })),
    );
  });

  afterAll(async () => {
    await mongoClient.db(database).dropDatabase();
    await Promise.all([mongoClient.close(), pg.end()]);
  });

  it('creates one GIN index per field, which an equality find then uses, _id included', async () => {
    await ensureGinIndexes(pgUrl, database, 'applications', ['_id', 'programme', 'status']);

    const indexes = await ginIndexes();
    const on = (field: string) => indexes.find((index) => index.indexdef.includes(`(_jsonb -> '${field}'::text)`));
    expect(indexes).toHaveLength(3);
    // FerretDB's explain is PostgreSQL's EXPLAIN of the SQL it runs for the find.
    const indexScans = async (filter: mongo.Filter<Application>) => {
      const explained = await applications.find(filter).explain();
      return planNodes(explained.queryPlanner.Plan as PlanNode)
        .filter((node) => node['Node Type'] === 'Bitmap Index Scan')
        .map((node) => node['Index Name']);
    };
    expect(await indexScans({ programme: 'MS-42' })).toEqual([on('programme')?.indexname]);
    expect(await indexScans({ _id: 42 })).toEqual([on('_id')?.indexname]);
    expect(await applications.countDocuments({ programme: 'MS-42' })).toBe(10);
  });

  it('serves the finds FerretDB runs, even on its connections that ran them before the index existed', async () => {
    const offers = mongoClient.db(database).collection<{ _id: number; candidate: string }>('offers');
    await offers.insertMany(Array.from({ length: 2000 }, (_, i) => ({ _id: i, candidate: `c-${i}` })));
    // FerretDB runs prepared statements; after five runs PostgreSQL may keep a generic plan, which
    // cannot use an index on (_jsonb->'candidate') since the key is a parameter.
    for (let i = 0; i < 10; i++) await offers.findOne({ candidate: `c-${i}` });
    await ensureGinIndexes(pgUrl, database, 'offers', ['candidate']);
    for (let i = 0; i < 10; i++) expect(await offers.findOne({ candidate: `c-${i}` })).toMatchObject({ _id: i });

    // Backends report their index scans to pg_stat_user_indexes within seconds.
    const scans = await eventually(async () => {
      const { rows } = await pg.query<{ scans: number }>(
        `SELECT coalesce(sum(idx_scan), 0)::int AS scans FROM pg_stat_user_indexes
          WHERE schemaname = $1 AND indexrelname LIKE '%candidate%gin%'`,
        [database],
      );
      return rows[0].scans >= 10 ? rows[0].scans : undefined;
    }, 20_000);
    expect(scans).toBeGreaterThanOrEqual(10);
  });

  it('creates each index once when called again, even by several callers at once', async () => {
    const decisions = mongoClient.db(database).collection<{ _id: number; outcome: string }>('decisions');
    await decisions.insertMany(
      Array.from({ length: 100 }, (_, i) => ({ _id: i, outcome: i % 2 ? 'admitted' : 'refused' })),
    );
    const before = await ginIndexes();
    await Promise.all([
      ensureGinIndexes(pgUrl, database, 'decisions', ['outcome', 'juryId']),
      ensureGinIndexes(pgUrl, database, 'decisions', ['juryId', 'outcome']),
      ensureGinIndexes(pgUrl, database, 'decisions', ['outcome']),
    ]);
    const after = await ginIndexes();
    expect(after).toHaveLength(before.length + 2);
    await ensureGinIndexes(pgUrl, database, 'decisions', ['outcome', 'juryId']);
    expect(await ginIndexes()).toEqual(after);
    expect(await decisions.countDocuments({ outcome: 'admitted' })).toBe(50);
  });

  it('refuses a collection or a database FerretDB does not have, and dotted paths', async () => {
    await expect(ensureGinIndexes(pgUrl, database, 'missing', ['status'])).rejects.toThrow(
      `FerretDB has no collection "missing" in database "${database}"`,
    );
    await expect(ensureGinIndexes(pgUrl, uniqueName('none'), 'applications', ['status'])).rejects.toThrow(
      'FerretDB has no collection "applications"',
    );
    await expect(ensureGinIndexes(pgUrl, database, 'applications', ['decision.date'])).rejects.toThrow(
      'top-level fields only',
    );
  });

  it('mirrors what a database declares: GIN on _id of every collection and on each field FerretDB indexes', async () => {
    const other = uniqueName('mirror');
    const db = mongoClient.db(other);
    await db.collection('plain').insertOne({ _id: 'a' as never, n: 1 });
    await db.collection('indexed').createIndex({ status: 1, 'decision.date': 1 }, { name: 'status_date' });
    await db.collection('indexed').insertOne({ _id: 'b' as never, status: 'PENDING' });
    try {
      await mirrorIndexesAsGin(pgUrl, other);
      await mirrorIndexesAsGin(pgUrl, other); // again: nothing changes
      const { rows } = await pg.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%' ORDER BY 1`,
        [other],
      );
      const fields = rows.map((row) => /_jsonb -> '([^']+)'/.exec(row.indexdef)?.[1]).sort();
      expect(fields).toEqual(['_id', '_id', 'status']);
    } finally {
      await db.dropDatabase();
    }
  });

  it('gives a collection GIN indexes as it is created, on _id and on each top-level field it indexes (infra/local)', async () => {
    const late = uniqueName('late');
    const db = mongoClient.db(late);
    try {
      await db.collection('first_written_mid_season').insertOne({ _id: 'a' as never, n: 1 });
      await db.collection('declared').createIndex({ status: 1, 'decision.date': 1 }, { name: 'status_date' });
      const { rows } = await pg.query<{ tablename: string; indexdef: string }>(
        `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%'`,
        [late],
      );
      const fields = rows.map((row) => /_jsonb -> '([^']+)'/.exec(row.indexdef)?.[1]).sort();
      expect(fields).toEqual(['_id', '_id', 'status']);
      expect(
        (
          await db
            .collection('first_written_mid_season')
            .find({ _id: 'a' as never })
            .explain()
        ).queryPlanner.Plan,
      ).toMatchObject({ 'Node Type': 'Bitmap Heap Scan' });
      // The services' own look finds them in place, under the names it gives.
      await mirrorIndexesAsGin(pgUrl, late);
      const { rows: after } = await pg.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%'`,
        [late],
      );
      expect(after).toHaveLength(3);
    } finally {
      await db.dropDatabase();
    }
  });
});
