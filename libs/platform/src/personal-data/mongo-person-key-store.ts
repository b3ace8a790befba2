import { IllegalStateError, INPUT } from '@admissions/domain-kernel';
import { isDuplicateKey } from '@admissions/event-store';
import mongoose from 'mongoose';
import type { Db } from '../connections/mongo-database';
import { DependencyUnavailableError, isDependencyUnavailable } from '../resilience/unavailable';
import { newDataKey } from './aes-gcm';
import type { KeyDestruction, PersonKeyStore } from './person-key-store';

interface KeyDocument {
  _id: string;
  key: mongoose.mongo.Binary;
  createdAt: Date;
}

interface ErasureDocument {
  _id: string;
  reason: string;
  erasedAt: Date;
}

/**
 * One document per person (`person_keys`, _id = person id), and a tombstone per erased person
 * (`person_erasures`). Only inserts of a unique _id decide (FerretDB's updates are not atomic):
 * two processes creating a key race on the insert and the loser reads the winner's.
 */
export class MongoPersonKeyStore implements PersonKeyStore {
  private readonly keys: mongoose.mongo.Collection<KeyDocument>;
  private readonly erasures: mongoose.mongo.Collection<ErasureDocument>;

  constructor(db: Db) {
    this.keys = db.collection<KeyDocument>('person_keys');
    this.erasures = db.collection<ErasureDocument>('person_erasures');
  }

  keyFor(personId: string): Promise<Buffer> {
    return available(async () => {
      await this.refuseErased(personId);
      const existing = await this.find(personId);
      if (existing) return existing;
      try {
        await this.keys.insertOne({
          _id: personId,
          key: new mongoose.mongo.Binary(newDataKey()),
          createdAt: new Date(),
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      // An erasure between the check and the insert must not leave a live key behind it.
      await this.refuseErased(personId, () => this.keys.deleteOne({ _id: personId }));
      const key = await this.find(personId);
      if (!key) throw new Error(`the key of ${personId} vanished as it was created`);
      return key;
    });
  }

  find(personId: string): Promise<Buffer | undefined> {
    return available(async () => {
      const document = await this.keys.findOne({ _id: personId });
      return document ? Buffer.from(document.key.buffer) : undefined;
    });
  }

  /** The tombstone first, then the key: a crash between them is finished by the next request. */
  destroy(personId: string, reason: string, at: Date): Promise<KeyDestruction> {
    return available(async () => {
      const erasedBefore = (await this.erasures.findOne({ _id: personId })) !== null;
      if (!erasedBefore && !(await this.keys.findOne({ _id: personId }, { projection: { _id: 1 } }))) return 'unknown';
      try {
        await this.erasures.insertOne({ _id: personId, reason, erasedAt: at });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await this.keys.deleteOne({ _id: personId });
      return erasedBefore ? 'already-erased' : 'destroyed';
    });
  }

  private async refuseErased(personId: string, undo?: () => Promise<unknown>): Promise<void> {
    if (!(await this.erasures.findOne({ _id: personId }))) return;
    await undo?.();
    throw new IllegalStateError('the personal data of this person was erased', INPUT);
  }
}

/** A key store that does not answer is a server away (503), whatever the driver called it. */
async function available<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDependencyUnavailable(error)) throw new DependencyUnavailableError('key store unavailable', { cause: error });
    throw error;
  }
}
