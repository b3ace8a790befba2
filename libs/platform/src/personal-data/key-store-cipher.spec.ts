import { newDataKey } from './aes-gcm';
import { KeyStoreCipher } from './key-store-cipher';
import type { KeyDestruction, PersonKeyStore } from './person-key-store';

/** The port held in memory, counting what is asked of it; each answer arrives a tick after it was read. */
class CountingKeyStore implements PersonKeyStore {
  readonly keys = new Map<string, Buffer>();
  finds = 0;
  creations = 0;

  async keyFor(personId: string): Promise<Buffer> {
    this.creations += 1;
    await new Promise((resolve) => setImmediate(resolve));
    const key = this.keys.get(personId) ?? newDataKey();
    this.keys.set(personId, key);
    return key;
  }

  async find(personId: string): Promise<Buffer | undefined> {
    this.finds += 1;
    const key = this.keys.get(personId);
    await new Promise((resolve) => setImmediate(resolve));
    return key;
  }

  async destroy(personId: string): Promise<KeyDestruction> {
    return this.keys.delete(personId) ? 'destroyed' : 'unknown';
  }
}

describe('KeyStoreCipher', () => {
  it('reads a key once for all the values of a person opened together', async () => {
    const store = new CountingKeyStore();
    const sealed = await Promise.all(
      Array.from({ length: 300 }, (_, n) => new KeyStoreCipher(store).seal('p-1', { n })),
    );
    const cipher = new KeyStoreCipher(store);
    const opened = await Promise.all(sealed.map((value) => cipher.open(value)));
    expect(opened).toEqual(Array.from({ length: 300 }, (_, n) => ({ n })));
    expect(store.finds).toBe(1);
  });

  it('creates or reads a key once for the values of a person sealed together', async () => {
    const store = new CountingKeyStore();
    const cipher = new KeyStoreCipher(store);
    await Promise.all(Array.from({ length: 50 }, (_, n) => cipher.seal('p-2', { n })));
    expect(store.creations).toBe(1);
  });

  it('keeps no key that a read under way fetched before the person was forgotten', async () => {
    const store = new CountingKeyStore();
    const value = await new KeyStoreCipher(store).seal('p-3', { name: 'Ada' });
    const cipher = new KeyStoreCipher(store);
    const opening = cipher.open(value);
    cipher.forget('p-3');
    await store.destroy('p-3');
    expect(await opening).toEqual({ name: 'Ada' });
    // Had the read kept its key, this would open in clear.
    expect(await cipher.open(value)).toEqual(value.erased);
    expect(store.finds).toBe(2);
  });
});
