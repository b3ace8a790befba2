import mongoose from 'mongoose';

export type Db = mongoose.mongo.Db;
export type MongoClient = mongoose.mongo.MongoClient;

/**
 * The service's database through the driver mongoose ships. The driver closes its topology for
 * good when the first contact fails (every later call: MongoTopologyClosedError), so `connect`
 * is a start-up step retried until the server answers; once connected, the driver itself finds
 * the server again after a restart. `db` is usable at once: calls fail fast until then.
 */
/** Connections one process may open to the database, unless MONGO_URL says otherwise. */
export const DEFAULT_POOL_SIZE = 25;

const POOL_CHECK_MS = 10_000;

export class MongoDatabase {
  readonly client: MongoClient;
  readonly db: Db;

  constructor(url: string, dbName: string) {
    this.client = new mongoose.mongo.MongoClient(url, {
      // A missing server answers within seconds rather than the driver's 30 s default.
      serverSelectionTimeoutMS: 5_000,
      // The driver's 100 per process let six busy processes take 600 connections, past what the
      // server behind (FerretDB's PostgreSQL pool: 400) holds; `?maxPoolSize=` in MONGO_URL wins.
      ...(/[?&]maxPoolSize=/i.test(url) ? {} : { maxPoolSize: DEFAULT_POOL_SIZE }),
      // Command events let a test check every query a journey issues against the indexes.
      monitorCommands: true,
    });
    // The pool looks every 100 ms for connections to top up or retire (an internal option the
    // driver does not parse from settings): ten wake-ups a second of an idle process, with nothing
    // to do here, no minimum pool and no idle limit being set. A connection a pool clear retired
    // is dropped at its next checkout anyway.
    Object.assign(this.client.options, { minPoolSizeCheckFrequencyMS: POOL_CHECK_MS });
    this.db = this.client.db(dbName);
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
