import type { Redis } from 'ioredis';
import { type ChannelSubscription, subscribeTo } from '../connections/redis-channel';
import type { KeyStoreCipher } from './key-store-cipher';

/**
 * Tells every process of a deployment, over Redis pub/sub, that a person's data key was
 * destroyed, so that none goes on opening their data from the key it keeps at hand. The key
 * store is the truth: a message lost (Redis away) leaves a key in another process's cache for
 * the cache's lifetime at most (key-store-cipher.ts).
 */
export class KeyDestructions {
  private subscription?: ChannelSubscription;

  constructor(
    private readonly redis: Redis,
    /** One per deployment: every service of it shares the key store. */
    private readonly channel: string,
  ) {}

  async announce(personId: string): Promise<void> {
    await this.redis.publish(this.channel, personId).catch(() => undefined);
  }

  /**
   * Makes this process's cipher forget each key destroyed anywhere in the deployment. Resolves once
   * subscribed, however long Redis is away; a service does not wait for it to start.
   */
  async listen(cipher: KeyStoreCipher): Promise<void> {
    this.subscription = subscribeTo(this.redis, this.channel, (personId) => cipher.forget(personId));
    await this.subscription.subscribed;
  }

  close(): void {
    this.subscription?.close();
    this.subscription = undefined;
  }
}

/** The channel of a deployment's key destructions, beside its queues' names. */
export const keyDestructionsChannel = (queueName: (name: string) => string): string =>
  queueName('person-keys-destroyed');
