import type { mongo } from 'mongoose';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * A named lease in MongoDB: among the instances of a service, the one holding it does the work
 * that must not run twice at once (the outbox relay). It lapses if its holder stops renewing.
 */
export class Lease {
  private readonly leases: mongo.Collection<LeaseDocument>;

  constructor(
    db: mongo.Db,
    readonly name: string,
    readonly owner: string,
    private readonly ttlMs = 10_000,
  ) {
    this.leases = db.collection<LeaseDocument>('es_leases');
  }

  /** Takes or renews the lease; false while another live instance holds it. */
  async acquire(now = new Date()): Promise<boolean> {
    try {
      await this.leases.findOneAndUpdate(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + this.ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // The upsert collides with the document another owner holds: not ours.
      if ((error as { code?: unknown }).code === 11000) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    await this.leases.deleteOne({ _id: this.name, owner: this.owner });
  }
}
