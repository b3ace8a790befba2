import { PersonalDataCodec } from '@admissions/event-store';
import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BaseEnv } from '../config/base-env';
import { MongoDatabase } from '../connections/mongo-database';
import { StartupSteps } from '../resilience/startup-steps';
import { KeyStoreCipher } from './key-store-cipher';
import { MongoPersonKeyStore } from './mongo-person-key-store';
import type { PersonKeyStore } from './person-key-store';

export const PERSON_KEY_STORE = Symbol('PERSON_KEY_STORE');

/** The key store's own client: a store kept apart from the service's database, as a KMS would be. */
@Injectable()
export class KeyStoreConnection implements OnApplicationShutdown {
  readonly mongo: MongoDatabase;
  private readonly logger = new Logger('KeyStore');

  constructor(env: BaseEnv, steps: StartupSteps) {
    this.mongo = new MongoDatabase(env.KEY_STORE_URL ?? env.MONGO_URL, env.KEY_STORE_DB);
    steps.run('key store', () => this.mongo.connect());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.mongo
      .close()
      .catch((error: unknown) => this.logger.warn(`closing the key store failed: ${String(error)}`));
  }
}

/**
 * Crypto-shredding: every `personal` value is sealed with its person's data key before it is
 * stored or published, and opened on the way to deciders, projections and consumers.
 */
@Module({
  providers: [
    KeyStoreConnection,
    {
      provide: PERSON_KEY_STORE,
      inject: [KeyStoreConnection],
      useFactory: (connection: KeyStoreConnection): PersonKeyStore => new MongoPersonKeyStore(connection.mongo.db),
    },
    {
      provide: KeyStoreCipher,
      inject: [PERSON_KEY_STORE],
      useFactory: (store: PersonKeyStore) => new KeyStoreCipher(store),
    },
    {
      provide: PersonalDataCodec,
      inject: [KeyStoreCipher],
      useFactory: (cipher: KeyStoreCipher) => new PersonalDataCodec(cipher),
    },
  ],
  exports: [KeyStoreConnection, PERSON_KEY_STORE, KeyStoreCipher, PersonalDataCodec],
})
export class PersonalDataModule {}
