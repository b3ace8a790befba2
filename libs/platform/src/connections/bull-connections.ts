import type { Queue, Worker } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';

/** A Redis URL, or a client whose options each connection copies (the client itself is not used). */
export type BullRedis = string | Redis;

/**
 * The Redis connections of one BullMQ queue and its worker, which BullMQ neither opens nor closes
 * when it is given them. Workers block on Redis, so each gets `maxRetriesPerRequest: null` (BullMQ
 * refuses a worker's otherwise); the queue's gets the same, so that its calls wait out a Redis
 * restart instead of failing after 20 retries.
 */
export class BullConnections {
  private readonly opened: Redis[] = [];

  /** `name`, when given, names each connection `<name>-<role>` in Redis' client list. */
  constructor(
    private readonly redis: BullRedis,
    private readonly name?: string,
  ) {}

  open(role: 'queue' | 'worker'): Redis {
    const options = {
      maxRetriesPerRequest: null,
      ...(this.name === undefined ? {} : { connectionName: `${this.name}-${role}` }),
    };
    const connection =
      typeof this.redis === 'string' ? new IORedis(this.redis, options) : this.redis.duplicate(options);
    this.opened.push(connection);
    return connection;
  }

  /**
   * The worker first, so that a running job finishes and records its outcome, then the queue,
   * then every connection opened here (dropped when Redis is gone and cannot hear a quit).
   */
  async close(worker: Worker | undefined, queue: Queue | undefined): Promise<void> {
    await worker?.close();
    await queue?.close();
    await Promise.all(this.opened.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }
}
