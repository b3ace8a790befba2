import type { mongo } from 'mongoose';
import { isDuplicateKey } from './event-store';
import { gallop } from './gallop';

interface LeaseDocument {
  _id: string; // `${name}@${epoch}`
  name: string;
  epoch: number;
  owner: string;
  expiresAt: Date;
}

/** Whether this instance may do the work that must not run twice at once. */
export interface Leadership {
  readonly held: boolean;
  /** Fencing: true while nobody has taken the lease over; checked before moving a checkpoint. */
  isCurrent(): Promise<boolean>;
}

/** For a single instance (tests, tools): always the leader. */
export const SOLE_INSTANCE: Leadership = { held: true, isCurrent: async () => true };

/**
 * A named lease among the instances of a service, claimed by inserting a document whose _id is
 * `<name>@<epoch>`: an insert with a unique _id is atomic on every MongoDB-wire server (FerretDB
 * does not make conditional updates atomic), so two instances can never both take epoch n. Only
 * the holder writes its own document (to renew it); a successor inserts the next epoch once the
 * holder's expiry has passed, and the holder learns it lost by finding that next epoch.
 */
export class Lease implements Leadership {
  private readonly leases: mongo.Collection<LeaseDocument>;
  private epoch = 0; // the epoch held; 0 = not held
  private lastSeen = 0; // the highest epoch known to exist
  private confirmedAt = 0; // when isCurrent last found no later epoch
  private timer?: NodeJS.Timeout;
  private readonly gained = new Set<() => void>();

  constructor(
    db: mongo.Db,
    readonly name: string,
    readonly owner: string,
    /**
     * How long a holder that stopped renewing keeps the lease: a crashed holder's work resumes in
     * another replica within this and a renewal period. Its renewal (a read by _id and an
     * update every third of it) was most of an idle service's database commands.
     */
    readonly ttlMs = 15_000,
  ) {
    this.leases = db.collection<LeaseDocument>('es_leases');
  }

  get held(): boolean {
    return this.epoch > 0;
  }

  /** The epoch held (0 when not held): a fencing token. */
  get heldEpoch(): number {
    return this.epoch;
  }

  /** Takes or renews the lease; false while another live instance holds it. */
  async acquire(now = new Date()): Promise<boolean> {
    if (this.epoch > 0) {
      if (await this.exists(this.epoch + 1)) return this.lose();
      await this.leases.updateOne({ _id: this.idOf(this.epoch) }, { $set: { expiresAt: this.expiry(now) } });
      return true;
    }
    const current = await this.latest();
    if (current && current.expiresAt > now) return false;
    return this.claim((current?.epoch ?? 0) + 1, now);
  }

  /**
   * Takes the lease without waiting for the holder's to expire: for an operator's job that must
   * pause the service's log workers while it runs. The holder learns it at its next renewal or
   * checkpoint (it finds the next epoch) and waits, as for any live holder, until this one is
   * released. Resolves whether a live holder was displaced.
   */
  async takeOver(now = new Date()): Promise<boolean> {
    for (;;) {
      const current = await this.latest();
      // Another instance may take that epoch in between: then the next one.
      if (await this.claim((current?.epoch ?? 0) + 1, now)) return current !== null && current.expiresAt > now;
    }
  }

  /** Inserts the document of an epoch: the one insert that makes this instance its holder. */
  private async claim(epoch: number, now: Date): Promise<boolean> {
    try {
      await this.leases.insertOne({
        _id: this.idOf(epoch),
        name: this.name,
        epoch,
        owner: this.owner,
        expiresAt: this.expiry(now),
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      this.lastSeen = epoch;
      return false;
    }
    this.epoch = this.lastSeen = epoch;
    for (const listener of this.gained) listener();
    return true;
  }

  /**
   * Looks for a later epoch, or answers as its look of the last ttl/15 (1 s for the service's
   * lease) did: a busy holder moved a checkpoint after every round, each time after a lookup.
   * Nobody can act on a takeover that recent: a successor waits for the lease to expire, and an
   * operator's job waits a whole ttl after displacing the holder (withServiceLease).
   */
  async isCurrent(): Promise<boolean> {
    if (this.epoch === 0) return false;
    const asked = Date.now();
    if (asked - this.confirmedAt < this.ttlMs / 15) return true;
    if (await this.exists(this.epoch + 1)) return this.lose();
    this.confirmedAt = asked;
    return true;
  }

  /**
   * Renews every ttl/3 in the background (two more chances before it lapses); `onGained` runs
   * each time the lease is taken.
   */
  keep(onGained?: () => void): void {
    if (onGained) this.gained.add(onGained);
    if (this.timer) return;
    const renew = () => void this.acquire().catch(() => this.lose());
    this.timer = setInterval(renew, Math.max(250, this.ttlMs / 3));
    this.timer.unref();
    renew();
  }

  /** Stops renewing without giving the lease up, as a paused process would. */
  stopRenewing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Gives the lease up at once, so a successor need not wait for it to expire. */
  async release(): Promise<void> {
    this.stopRenewing();
    if (this.epoch === 0) return;
    const held = this.epoch;
    this.epoch = 0;
    this.confirmedAt = 0;
    await this.leases.updateOne({ _id: this.idOf(held) }, { $set: { expiresAt: new Date(0) } });
  }

  private lose(): false {
    this.epoch = 0;
    this.confirmedAt = 0;
    return false;
  }

  /** The newest epoch's document, found by _id lookups only (epochs are contiguous from 1). */
  private async latest(): Promise<LeaseDocument | null> {
    const last = await gallop(this.lastSeen, (epoch) => this.exists(epoch));
    this.lastSeen = last;
    return last === 0 ? null : this.leases.findOne({ _id: this.idOf(last) });
  }

  private async exists(epoch: number): Promise<boolean> {
    return (await this.leases.findOne({ _id: this.idOf(epoch) }, { projection: { _id: 1 } })) !== null;
  }

  private idOf(epoch: number): string {
    return `${this.name}@${epoch}`;
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.ttlMs);
  }
}
