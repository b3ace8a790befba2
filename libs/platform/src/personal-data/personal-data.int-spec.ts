import type { Actor } from '@admissions/domain-kernel';
import { EventStore, LOG_START, LogSequencer, PersonalDataCodec } from '@admissions/event-store';
import { eventually, freePort, testEnv, uniqueName } from '@admissions/testing';
import Redis from 'ioredis';
import { createConnection, createServer, type Server } from 'node:net';
import { MongoDatabase } from '../connections/mongo-database';
import { isDependencyUnavailable } from '../resilience/unavailable';
import { KeyDestructions, keyDestructionsChannel } from './key-destructions';
import { KeyStoreCipher } from './key-store-cipher';
import { MongoPersonKeyStore } from './mongo-person-key-store';

const actor: Actor = { id: 'cand-1', roles: ['candidate'] };
const context = { correlationId: 'c-1', actor, occurredAt: new Date('2027-01-10T09:00:00Z') };
const camille = { firstName: 'Camille', lastName: 'Zephyrine', email: 'camille.zephyrine@example.org' };

describe('crypto-shredding at the edge of the event store', () => {
  let services: MongoDatabase;
  let keys: MongoDatabase;
  let keyStore: MongoPersonKeyStore;
  let store: EventStore;

  beforeAll(async () => {
    services = new MongoDatabase(testEnv().mongoUrl, uniqueName('test_pd'));
    keys = new MongoDatabase(testEnv().mongoUrl, uniqueName('test_keys'));
    await Promise.all([services.connect(), keys.connect()]);
    keyStore = new MongoPersonKeyStore(keys.db);
    store = new EventStore(services.db, { personalData: new PersonalDataCodec(new KeyStoreCipher(keyStore)) });
  });

  afterAll(async () => {
    await services.db.dropDatabase();
    await keys.db.dropDatabase().catch(() => undefined);
    await Promise.all([services.close(), keys.close()]);
  });

  async function storedText(): Promise<string> {
    const [commits, log] = await Promise.all([
      services.db.collection('es_commits').find({}).toArray(),
      services.db.collection('es_log').find({}).toArray(),
    ]);
    return JSON.stringify([commits, log]);
  }

  it('stores and logs only ciphertext, and gives deciders and projections the plaintext', async () => {
    const stream = uniqueName('candidacy');
    await store.append(stream, 0, [{ type: 'Opened', data: { candidacyId: stream, candidateId: 'cand-1' } }], context);
    // The event names only the candidacy: the person is the one the stream's first event names.
    const appended = await store.append(stream, 1, [{ type: 'IdentityUpdated', data: { personal: camille } }], context);
    await new LogSequencer(store).sequence();

    expect(appended[0].data).toEqual({ personal: camille });
    expect(await storedText()).not.toMatch(/Camille|Zephyrine|camille\.zephyrine/);
    const sealed = (await store.readLog(LOG_START, 10)).events[1].data as { personal: Record<string, unknown> };
    expect(sealed.personal).toMatchObject({ sealed: 'A256GCM', subject: 'cand-1' });
    expect((await store.readLog(LOG_START, 10, { open: true })).events[1].data).toEqual({ personal: camille });
    expect(
      (await new EventStore(services.db, { personalData: codecOf(keyStore) }).readStream(stream)).events[1].data,
    ).toEqual({ personal: camille });
  });

  it('seals personal values at any depth with the nearest person id', async () => {
    const stream = uniqueName('plan');
    const data = {
      plan: { planId: 'p-1', studentId: 'student-9', personal: { profile: { situation: 'Ward of the state' } } },
    };
    await store.append(stream, 0, [{ type: 'PlanProposed', data }], context);
    const raw = await services.db.collection('es_commits').findOne({ streamId: stream });
    expect(JSON.stringify(raw)).not.toContain('Ward of the state');
    expect(JSON.stringify(raw)).toContain('"subject":"student-9"');
    expect((await freshStore().readStream(stream)).events[0].data).toEqual(data);
  });

  it('refuses to store personal data that names no person', async () => {
    const stream = uniqueName('orphan');
    await expect(store.append(stream, 0, [{ type: 'X', data: { personal: camille } }], context)).rejects.toThrow(
      /no person id/,
    );
    expect(await services.db.collection('es_commits').findOne({ streamId: stream })).toBeNull();
  });

  it('gives two processes creating one person’s key at once the same key', async () => {
    const person = uniqueName('person');
    const [a, b] = await Promise.all([
      new MongoPersonKeyStore(keys.db).keyFor(person),
      new MongoPersonKeyStore(keys.db).keyFor(person),
    ]);
    expect(a.equals(b)).toBe(true);
    expect(a).toHaveLength(32);
  });

  it('after the key is destroyed, reads give the erased placeholder and the person gets no new key', async () => {
    const person = uniqueName('cand');
    const stream = uniqueName('candidacy');
    await store.append(stream, 0, [{ type: 'Opened', data: { candidateId: person, personal: camille } }], context);

    expect(await keyStore.destroy(person, 'art. 17 request', new Date())).toBe('destroyed');
    expect(await keyStore.destroy(person, 'art. 17 request', new Date())).toBe('already-erased');
    expect(await keyStore.destroy(uniqueName('nobody'), 'art. 17 request', new Date())).toBe('unknown');

    const erased = { firstName: '[erased]', lastName: '[erased]', email: '[erased]' };
    expect((await freshStore().readStream(stream)).events[0].data).toEqual({ candidateId: person, personal: erased });
    await expect(keyStore.keyFor(person)).rejects.toThrow(/erased/);
    await expect(
      freshStore().append(stream, 1, [{ type: 'IdentityUpdated', data: { personal: camille } }], context),
    ).rejects.toThrow(/erased/);
  });

  it('keeps nothing readable in the process: a stream it wrote reads erased once the key is destroyed', async () => {
    const person = uniqueName('cand');
    const stream = uniqueName('candidacy');
    await store.append(stream, 0, [{ type: 'Opened', data: { candidateId: person, personal: camille } }], context);
    expect((await store.cachedStream(stream))?.events[0].data).toMatchObject({ personal: camille });

    await keyStore.destroy(person, 'art. 17 request', new Date());
    store.forgetKey(person);

    const erased = { firstName: '[erased]', lastName: '[erased]', email: '[erased]' };
    expect((await store.cachedStream(stream))?.events[0].data).toMatchObject({ personal: erased });
    expect((await store.readStream(stream)).events[0].data).toMatchObject({ personal: erased });
  });

  it('tells the other processes of the deployment: a key destroyed in one is forgotten in another at once', async () => {
    const redis = new Redis(testEnv().redisUrl);
    const channel = keyDestructionsChannel((name) => `${uniqueName('ns')}-${name}`);
    const announcer = new KeyDestructions(redis, channel);
    const listener = new KeyDestructions(redis, channel);
    // Two other processes, each with its own cipher: one listens, one does not (the control).
    const listening = new KeyStoreCipher(keyStore);
    const deaf = new EventStore(services.db, { personalData: codecOf(keyStore) });
    const told = new EventStore(services.db, { personalData: new PersonalDataCodec(listening) });
    try {
      await listener.listen(listening);
      const person = uniqueName('cand');
      const stream = uniqueName('candidacy');
      await store.append(stream, 0, [{ type: 'Opened', data: { candidateId: person, personal: camille } }], context);
      for (const reader of [told, deaf])
        expect((await reader.readStream(stream)).events[0].data).toMatchObject({ personal: camille });

      await keyStore.destroy(person, 'art. 17 request', new Date());
      await announcer.announce(person);

      const personalIn = async (reader: EventStore) =>
        ((await reader.readStream(stream)).events[0].data as { personal: unknown }).personal;
      await eventually(
        async () => ((await personalIn(told)) as { email?: string }).email === '[erased]' || undefined,
        2_000,
      );
      // The one not told still opens with the key it read, for its cache's lifetime.
      expect(await personalIn(deaf)).toEqual(camille);
    } finally {
      listener.close();
      redis.disconnect();
    }
  });

  it('a process started while Redis is away listens once Redis answers, however late', async () => {
    // Redis reached through a port where nothing answers yet, then a relay to the real one.
    const port = await freePort();
    const redis = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 200, lazyConnect: true });
    redis.on('error', () => undefined);
    const channel = keyDestructionsChannel((name) => `${uniqueName('ns')}-${name}`);
    const listener = new KeyDestructions(redis, channel);
    const cipher = new KeyStoreCipher(keyStore);
    const forgotten: string[] = [];
    cipher.forget = (personId) => void forgotten.push(personId);
    let subscribed = false;
    const listening = listener.listen(cipher).then(() => (subscribed = true));
    let relay: Server | undefined;
    try {
      // Longer than ioredis's 20 tries of a command would last with this retry strategy (4 s).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(subscribed).toBe(false);
      relay = await relayTo(new URL(testEnv().redisUrl), port);
      await listening;
      const announcer = new Redis(testEnv().redisUrl);
      await new KeyDestructions(announcer, channel).announce('cand-late');
      announcer.disconnect();
      await eventually(async () => (forgotten.includes('cand-late') ? true : undefined), 2_000);
    } finally {
      listener.close();
      redis.disconnect();
      relay?.close();
    }
  });

  it('with the key store away, appends with personal data fail as unavailable and store nothing', async () => {
    const away = new MongoDatabase(testEnv().mongoUrl, keys.db.databaseName);
    await away.connect();
    await away.close();
    const cut = new EventStore(services.db, { personalData: codecOf(new MongoPersonKeyStore(away.db)) });
    const stream = uniqueName('candidacy');
    const failure: unknown = await cut
      .append(stream, 0, [{ type: 'Opened', data: { candidateId: 'cand-2', personal: camille } }], context)
      .catch((error: unknown) => error);
    expect(isDependencyUnavailable(failure)).toBe(true);
    expect(await services.db.collection('es_commits').findOne({ streamId: stream })).toBeNull();
    expect(await services.db.collection('es_outbox').findOne({ commitId: `${stream}@1` })).toBeNull();
  });

  function freshStore(): EventStore {
    return new EventStore(services.db, { personalData: codecOf(keyStore) });
  }
});

function codecOf(keyStore: MongoPersonKeyStore): PersonalDataCodec {
  return new PersonalDataCodec(new KeyStoreCipher(keyStore));
}

/** A TCP relay from `port` to the server at `target`. */
async function relayTo(target: URL, port: number): Promise<Server> {
  const relay = createServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return relay;
}
