import type { EventStore, Lease, LogWorkers } from '@admissions/event-store';
import type { Redis } from 'ioredis';
import { type ChannelSubscription, subscribeTo } from '../connections/redis-channel';

/**
 * Tells the lease holder, across processes, that another replica appended: the holder's sequencer
 * looks at the outbox at once rather than at its fallback, which backs off to 15 s while idle.
 * Over Redis pub/sub, which every service has. A message is only a hint: the outbox holds the
 * appends, so one lost (Redis away, a holder just changing) delays them by the fallback at most.
 */
export class AppendSignal {
  private subscription?: ChannelSubscription;
  private detach?: () => void;

  constructor(
    private readonly redis: Redis,
    /** One per service database: the lease, and so the holder to wake, is per database. */
    private readonly channel: string,
    private readonly store: EventStore,
    private readonly lease: Lease,
    private readonly workers: LogWorkers,
    private readonly logger: { warn(message: string): void },
  ) {}

  start(): void {
    // The holder's own appends wake its sequencer in the process; a Redis away is the fallback's job.
    this.detach = this.store.onAppended(() => {
      if (!this.lease.held && this.redis.status === 'ready')
        this.redis.publish(this.channel, '').catch(() => undefined);
    });
    this.subscription = subscribeTo(this.redis, this.channel, () => this.workers.appendedElsewhere());
    this.subscription.subscribed.catch((error: unknown) =>
      this.logger.warn(`appends of other replicas wait for the sequencer's fallback: ${String(error)}`),
    );
  }

  stop(): void {
    this.detach?.();
    this.subscription?.close();
    this.subscription = undefined;
  }
}
