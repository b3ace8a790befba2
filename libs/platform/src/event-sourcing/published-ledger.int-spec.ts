import type { IncomingMessage } from '@admissions/messaging';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import type { Db } from '../connections/mongo-database';
import { PublishedLedger, type Publication } from './published-ledger';

function readAt(ceId: string, partition: number, offset: string): Publication {
  const source: IncomingMessage = {
    topic: 'admissions.jury.events',
    partition,
    offset,
    key: 'k',
    value: '{}',
    headers: {},
    timestamp: 0,
  };
  return { ceId, source };
}

/** The ledger's three answers, against the MongoDB-wire server the services use. */
describe('PublishedLedger: which source events a public stream has published', () => {
  let connection: mongoose.Connection;
  let db: Db;
  let ledger: PublishedLedger;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('test_ledger') }).asPromise();
    if (!connection.db) throw new Error('no database');
    db = connection.db;
    ledger = new PublishedLedger(db, 'admissions.decisions.v1');
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('offers a source event never claimed, once per ce_id within a batch', async () => {
    const fresh = await ledger.unpublished([readAt('decision-a', 0, '1'), readAt('decision-a', 0, '2')]);
    expect(fresh.map((p) => p.source.offset)).toEqual(['1']);
  });

  it('offers again one claimed from this very offset whose transaction did not commit', async () => {
    await ledger.claim([readAt('decision-b', 1, '7')]);
    await ledger.claim([readAt('decision-b', 1, '7')]);
    expect(await ledger.unpublished([readAt('decision-b', 1, '7')])).toHaveLength(1);
  });

  it('skips one claimed from another offset (sent to the topic again), its commit recorded or not', async () => {
    await ledger.claim([readAt('decision-c', 2, '3')]);
    expect(await ledger.unpublished([readAt('decision-c', 2, '40')])).toEqual([]);
  });

  it('skips one read again from its claimed offset once the group committed past it (offsets reset)', async () => {
    await ledger.claim([readAt('decision-d', 0, '5')]);
    await ledger.committed('admissions.jury.events', 0, '6');
    // A lower offset recorded later (the reset itself, seen when the partition is taken up) lowers nothing.
    await ledger.committed('admissions.jury.events', 0, '0');
    expect(await ledger.unpublished([readAt('decision-d', 0, '5')])).toEqual([]);
    expect(
      await ledger.unpublished([readAt('decision-d', 0, '5')].map((p) => ({ ...p, ceId: 'decision-new' }))),
    ).toHaveLength(1);
  });

  it('keeps streams apart: the same ce_id on another stream is another message', async () => {
    await ledger.claim([readAt('decision-e', 0, '2')]);
    const other = new PublishedLedger(db, 'admissions.mobility.v1');
    expect(await other.unpublished([readAt('decision-e', 0, '9')])).toHaveLength(1);
    expect(await ledger.unpublished([readAt('decision-e', 0, '9')])).toEqual([]);
  });

  it('forgets, after Kafka lost topics, the offsets of a lost source topic, and what a lost public topic carried', async () => {
    const lost = new PublishedLedger(db, 'admissions.candidacies.v1');
    await lost.claim([readAt('candidacy-f', 0, '4')]);
    await lost.committed('admissions.jury.events', 0, '10');

    await lost.forget({ published: false });
    expect(await lost.unpublished([readAt('candidacy-f', 0, '4')])).toHaveLength(1);
    expect(await lost.unpublished([readAt('candidacy-f', 1, '0')])).toEqual([]);

    await lost.forget({ published: true });
    expect(await lost.unpublished([readAt('candidacy-f', 1, '0')])).toHaveLength(1);
    expect(await ledger.unpublished([readAt('decision-c', 2, '40')])).toEqual([]);
  });
});
