import { PersonalDataCodec } from '@admissions/event-store';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { MongoDatabase } from '../connections/mongo-database';
import { shutdownStep } from '../resilience/shutdown-step';
import { StartupSteps } from '../resilience/startup-steps';
import { REDIS } from '../tokens';
import { KeyDestructions, keyDestructionsChannel } from './key-destructions';
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
    await shutdownStep(
      'key store client',
      () => this.mongo.close(),
      (message) => this.logger.warn(message),
    );
  }
}

/** This process forgets each key destroyed anywhere in the deployment, as soon as it is told. */
@Injectable()
class KeyDestructionListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KeyStore');

  constructor(
    private readonly destructions: KeyDestructions,
    private readonly cipher: KeyStoreCipher,
  ) {}

  onApplicationBootstrap(): void {
    this.destructions
      .listen(this.cipher)
      .catch((error: unknown) =>
        this.logger.warn(`keys destroyed elsewhere stay cached here until they age out: ${String(error)}`),
      );
  }

  beforeApplicationShutdown(): void {
    this.destructions.close();
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
      provide: KeyDestructions,
      inject: [REDIS, DeploymentNames],
      useFactory: (redis: Redis, names: DeploymentNames) =>
        new KeyDestructions(redis, keyDestructionsChannel(names.queue)),
    },
    KeyDestructionListener,
    {
      provide: PersonalDataCodec,
      inject: [KeyStoreCipher],
      useFactory: (cipher: KeyStoreCipher) => new PersonalDataCodec(cipher),
    },
  ],
  exports: [KeyStoreConnection, PERSON_KEY_STORE, KeyStoreCipher, KeyDestructions, PersonalDataCodec],
})
export class PersonalDataModule {}
