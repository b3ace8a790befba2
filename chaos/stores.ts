// Each service's event store and database, opened from outside the services (as an operator job
// opens them, scripts/ops.ts), for the invariants to read once the run has settled. Personal
// data is opened with the services' key store, so that projections fold what the services fold.
import { EventStore, PersonalDataCodec, Upcasters } from '@admissions/event-store';
import {
  type Db,
  type EventSourcingOptions,
  KeyStoreCipher,
  MongoDatabase,
  MongoPersonKeyStore,
} from '@admissions/platform';
import { eventSourcing as candidacy } from '../apps/candidacy/src/event-sourcing';
import { eventSourcing as jury } from '../apps/jury/src/event-sourcing';
import { eventSourcing as mobility } from '../apps/mobility/src/event-sourcing';
import { eventSourcing as notification } from '../apps/notification/src/event-sourcing';
import { eventSourcing as review } from '../apps/review/src/event-sourcing';
import type { Service } from './cluster';

const OPTIONS: Readonly<Record<Service, EventSourcingOptions>> = { candidacy, review, jury, notification, mobility };

export interface ServiceStore {
  readonly service: Service;
  readonly options: EventSourcingOptions;
  readonly db: Db;
  readonly store: EventStore;
}

export class Stores {
  private readonly mongo: MongoDatabase;
  readonly of: Readonly<Record<Service, ServiceStore>>;
  readonly keys: Db;

  constructor(mongoUrl: string, databaseOf: (service: Service) => string, keyStoreDb: string) {
    this.mongo = new MongoDatabase(mongoUrl, 'admin');
    this.keys = this.mongo.client.db(keyStoreDb);
    const personalData = new PersonalDataCodec(new KeyStoreCipher(new MongoPersonKeyStore(this.keys)));
    const entries = (Object.keys(OPTIONS) as Service[]).map((service) => {
      const options = OPTIONS[service];
      const db = this.mongo.client.db(databaseOf(service));
      const store = new EventStore(db, { upcasters: new Upcasters(options.upcasters ?? []), personalData });
      return [service, { service, options, db, store }] as const;
    });
    this.of = Object.fromEntries(entries) as Record<Service, ServiceStore>;
  }

  connect(): Promise<void> {
    return this.mongo.connect();
  }

  close(): Promise<void> {
    return this.mongo.close();
  }
}
