import type { PersonalDataCipher, SealedPersonal } from '@admissions/event-store';
import { openWith, sealWith } from './aes-gcm';
import type { PersonKeyStore } from './person-key-store';

/** How long a process keeps a key it read; an erasure tells the processes that hold it (forget). */
const KEY_TTL_MS = 30_000;
const MAX_KEYS = 10_000;

/**
 * Seals and opens personal data with the keys of a PersonKeyStore, keeping recent keys at hand.
 * A person's key is read from the store once at a time: a stream's events are opened together,
 * and when the key had aged out each of them asked the store for it (a stream of 300 events, 300
 * reads; P1's commands stalled for seconds every 30 s).
 */
export class KeyStoreCipher implements PersonalDataCipher {
  private readonly keys = new Map<string, { key: Buffer; until: number }>();
  /** Reads under way, by person: those who need the same key wait for the same read. */
  private readonly creating = new Map<string, Promise<Buffer>>();
  private readonly finding = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly store: PersonKeyStore) {}

  async seal(subject: string, personal: unknown): Promise<SealedPersonal> {
    const key = this.cached(subject) ?? (await this.once(this.creating, subject, () => this.store.keyFor(subject)));
    return sealWith(key, subject, personal);
  }

  async open(sealed: SealedPersonal): Promise<unknown> {
    const { subject } = sealed;
    const key = this.cached(subject) ?? (await this.once(this.finding, subject, () => this.store.find(subject)));
    return key ? openWith(key, sealed) : sealed.erased;
  }

  /** Drops a person's key from this process: their erasure must not wait for the key to age out. */
  forget(personId: string): void {
    this.keys.delete(personId);
    // A read under way may have fetched the key before it was destroyed: it must not be kept.
    this.creating.delete(personId);
    this.finding.delete(personId);
  }

  private once<K extends Buffer | undefined>(
    reads: Map<string, Promise<K>>,
    personId: string,
    fetch: () => Promise<K>,
  ): Promise<K> {
    const underWay = reads.get(personId);
    if (underWay) return underWay;
    const reading: Promise<K> = fetch()
      .then((key) => {
        if (key && reads.get(personId) === reading) this.remember(personId, key);
        return key;
      })
      .finally(() => {
        if (reads.get(personId) === reading) reads.delete(personId);
      });
    reads.set(personId, reading);
    return reading;
  }

  private cached(personId: string): Buffer | undefined {
    const entry = this.keys.get(personId);
    if (entry && entry.until > Date.now()) return entry.key;
    this.keys.delete(personId);
    return undefined;
  }

  private remember(personId: string, key: Buffer): void {
    if (this.keys.size >= MAX_KEYS) this.keys.clear();
    this.keys.set(personId, { key, until: Date.now() + KEY_TTL_MS });
  }
}
