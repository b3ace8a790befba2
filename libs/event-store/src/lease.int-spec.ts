import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { Lease } from './lease';

describe('Lease on the MongoDB-wire server (claims by insert)', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('lease') }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('gives each of 20 rounds exactly one winner among 200 concurrent claimants', async () => {
    const db = connection.db!;
    const winnersPerRound: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const now = new Date(Date.UTC(2027, 0, 1) + round * 60_000); // each round starts after the last lease expired
      const claimants = Array.from({ length: 200 }, (_, i) => new Lease(db, 'race', `claimant-${i}`, 30_000));
      const won = await Promise.all(claimants.map((lease) => lease.acquire(now)));
      winnersPerRound.push(won.filter(Boolean).length);
      expect(claimants.filter((lease) => lease.held).map((lease) => lease.heldEpoch)).toEqual([round + 1]);
    }
    expect(winnersPerRound).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it("answers a holder's fencing check from its look of the last ttl/15, then looks again and learns it lost", async () => {
    const db = connection.db!;
    const holder = new Lease(db, 'fence-reuse', 'holder', 15_000);
    expect(await holder.acquire()).toBe(true);
    expect(await holder.isCurrent()).toBe(true);
    await new Lease(db, 'fence-reuse', 'operator-job', 15_000).takeOver();
    // Within a second of its look: the same answer, without a lookup (the job waits a whole ttl).
    expect(await holder.isCurrent()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await holder.isCurrent()).toBe(false);
    expect(holder.held).toBe(false);
  });

  it('refuses a live lease, hands over an expired one, and the old holder learns it lost', async () => {
    const db = connection.db!;
    const start = new Date('2027-02-01T10:00:00Z');
    const a = new Lease(db, 'handover', 'a', 10_000);
    const b = new Lease(db, 'handover', 'b', 10_000);
    expect(await a.acquire(start)).toBe(true);
    expect(await b.acquire(new Date(start.getTime() + 9_000))).toBe(false);
    expect(await a.acquire(new Date(start.getTime() + 5_000))).toBe(true); // renewed until +15 s
    expect(await b.acquire(new Date(start.getTime() + 14_000))).toBe(false);
    expect(await b.acquire(new Date(start.getTime() + 16_000))).toBe(true);
    expect(await a.isCurrent()).toBe(false);
    expect(a.held).toBe(false);
    expect(await a.acquire(new Date(start.getTime() + 17_000))).toBe(false);
    await b.release();
    expect(await a.acquire(new Date(start.getTime() + 18_000))).toBe(true);
    expect(a.heldEpoch).toBe(3);
  });
});
