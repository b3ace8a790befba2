import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { BULK_WRITE_CHUNK, bulkWriteInChunks, insertAbsent } from './bulk-write';

interface Doc {
  _id: string;
  n: number;
}

describe('bulk writes on the MongoDB-wire server', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('bulk') }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const collection = (name: string) => connection.db!.collection<Doc>(name);

  it('inserts the documents not stored yet and answers the indexes of those already stored, which it leaves as they were', async () => {
    const docs = collection('absent');
    await docs.insertMany([
      { _id: 'b', n: 0 },
      { _id: 'd', n: 0 },
    ]);
    const stored = await insertAbsent(docs, [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 1 },
      { _id: 'c', n: 1 },
      { _id: 'd', n: 1 },
    ]);
    expect(stored.sort()).toEqual([1, 3]);
    expect(await docs.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 0 },
      { _id: 'c', n: 1 },
      { _id: 'd', n: 0 },
    ]);
    expect(await insertAbsent(docs, [{ _id: 'e', n: 1 }])).toEqual([]);
    expect(await insertAbsent(docs, [{ _id: 'e', n: 2 }])).toEqual([0]);
  });

  it('lets exactly one of 50 concurrent inserts of one id win', async () => {
    const docs = collection('race');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => insertAbsent(docs, [{ _id: 'one', n }])));
    expect(answers.filter((stored) => stored.length === 0)).toHaveLength(1);
    expect(await docs.countDocuments({})).toBe(1);
  });

  it('throws a failure other than a duplicate id', async () => {
    const docs = collection('refused');
    await expect(insertAbsent(docs, [{ _id: 'x', n: 1, $bad: 1 } as unknown as Doc])).rejects.toThrow();
  });

  it('writes many commands of writes, a few at once, and every write lands', async () => {
    const docs = collection('chunks');
    const count = BULK_WRITE_CHUNK * 9 + 5;
    const writes = Array.from({ length: count }, (_, n) => ({
      replaceOne: { filter: { _id: `d-${n}` }, replacement: { n }, upsert: true },
    }));
    await bulkWriteInChunks(docs, writes, { ordered: false });
    expect(await docs.countDocuments({})).toBe(count);
    expect(await docs.findOne({ _id: `d-${count - 1}` })).toEqual({ _id: `d-${count - 1}`, n: count - 1 });
  });
});
