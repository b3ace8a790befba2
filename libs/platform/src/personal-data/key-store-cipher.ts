import type { PersonalDataCipher, SealedPersonal } from '@admissions/event-store';
import { openWith, sealWith } from './aes-gcm';
import type { PersonKeyStore } from './person-key-store';

/** How long a process keeps a key it read; an erasure tells the processes that hold it (forget). */
const KEY_TTL_MS = 30_000;
const MAX_KEYS = 10_000;

/** Seals and opens personal data with the keys of a PersonKeyStore, keeping recent keys at hand. */
export class KeyStoreCipher implements PersonalDataCipher {
  private readonly keys = new Map<string, { key: Buffer; until: number }>();

  constructor(private readonly store: PersonKeyStore) {}

  async seal(subject: string, personal: unknown): Promise<SealedPersonal> {
    const key = this.cached(subject) ?? this.remember(subject, await this.store.keyFor(subject));
    return sealWith(key, subject, personal);
  }

  async open(sealed: SealedPersonal): Promise<unknown> {
    const known = this.cached(sealed.subject);
    const key = known ?? (await this.store.find(sealed.subject));
    if (!key) return sealed.erased;
    if (!known) this.remember(sealed.subject, key);
    return openWith(key, sealed);
  }

  /** Drops a person's key from this process: their erasure must not wait for the key to age out. */
  forget(personId: string): void {
    this.keys.delete(personId);
  }

  private cached(personId: string): Buffer | undefined {
    const entry = this.keys.get(personId);
    if (entry && entry.until > Date.now()) return entry.key;
    this.keys.delete(personId);
    return undefined;
  }

  private remember(personId: string, key: Buffer): Buffer {
    if (this.keys.size >= MAX_KEYS) this.keys.clear();
    this.keys.set(personId, { key, until: Date.now() + KEY_TTL_MS });
    return key;
  }
}
