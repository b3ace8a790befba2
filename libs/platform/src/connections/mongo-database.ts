import mongoose from 'mongoose';

export type Db = mongoose.mongo.Db;
export type MongoClient = mongoose.mongo.MongoClient;

/**
 * The service's database through the driver mongoose ships. The driver closes its topology for
 * good when the first contact fails (every later call: MongoTopologyClosedError), so `connect`
 * is a start-up step retried until the server answers; once connected, the driver itself finds
 * the server again after a restart. `db` is usable at once: calls fail fast until then.
 */
export class MongoDatabase {
  readonly client: MongoClient;
  readonly db: Db;

  constructor(url: string, dbName: string) {
    this.client = new mongoose.mongo.MongoClient(url, {
      // A missing server answers within seconds rather than the driver's 30 s default.
      serverSelectionTimeoutMS: 5_000,
      // Command events let a test check every query a journey issues against the indexes.
      monitorCommands: true,
    });
    this.db = this.client.db(dbName);
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
