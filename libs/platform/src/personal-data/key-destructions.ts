import type { Redis } from 'ioredis';
import type { KeyStoreCipher } from './key-store-cipher';

/**
 * Tells every process of a deployment, over Redis pub/sub, that a person's data key was
 * destroyed, so that none goes on opening their data from the key it keeps at hand. The key
 * store is the truth: a message lost (Redis away) leaves a key in another process's cache for
 * the cache's lifetime at most (key-store-cipher.ts).
 */
export class KeyDestructions {
  private subscriber?: Redis;

  constructor(
    private readonly redis: Redis,
    /** One per deployment: every service of it shares the key store. */
    private readonly channel: string,
  ) {}

  async announce(personId: string): Promise<void> {
    await this.redis.publish(this.channel, personId).catch(() => undefined);
  }

  /** Makes this process's cipher forget each key destroyed anywhere in the deployment. */
  async listen(cipher: KeyStoreCipher, onFailure: (error: unknown) => void): Promise<void> {
    const subscriber = this.redis.duplicate();
    // ioredis reconnects and subscribes again by itself; the shared client already reports Redis away.
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, personId: string) => cipher.forget(personId));
    this.subscriber = subscriber;
    await subscriber.subscribe(this.channel).catch(onFailure);
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }
}

/** The channel of a deployment's key destructions, beside its queues' names. */
export const keyDestructionsChannel = (queueName: (name: string) => string): string =>
  queueName('person-keys-destroyed');
