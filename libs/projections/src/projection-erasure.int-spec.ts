import type { Actor } from '@admissions/domain-kernel';
import { EventStore, LogSequencer, type StoredEvent } from '@admissions/event-store';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import type { Projection, ReadModel } from './projection';
import { ProjectionRunner } from './projection-runner';

interface Contact extends ReadModel {
  ownerId: string;
  name: string;
}

/** One contact per file, naming its owner: a read model with personal data. */
const contacts: Projection<Contact> = {
  name: 'rm_contacts_test',
  handles: ['Named'],
  documentsOf: (event: StoredEvent) => [event.metadata.streamId],
  evolve: (_document, event, id) => {
    const { ownerId, name } = event.data as { ownerId: string; name: string };
    return { _id: id, ownerId, name };
  },
  erasure: { personField: 'ownerId', erase: (contact) => ({ ...contact, name: '[erased]' }) },
};

const context = { correlationId: 'c', actor: { id: 'tester', roles: [] } as Actor, occurredAt: new Date() };

describe('projection runner: erasure of a person', () => {
  let connection: mongoose.Connection;
  let store: EventStore;
  let runner: ProjectionRunner;
  let sequencer: LogSequencer;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('erase') }).asPromise();
    if (!connection.db) throw new Error('no database');
    store = new EventStore(connection.db);
    sequencer = new LogSequencer(store);
    runner = new ProjectionRunner(store, connection.db, [contacts]);
    await runner.ensureIndexes();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const named = (ownerId: string, name: string) => [{ type: 'Named', data: { ownerId, name } }];
  const fold = async () => {
    while ((await sequencer.sequence()) > 0);
    await runner.drain();
  };
  const documents = () => runner.collection(contacts).find({}).sort({ _id: 1 }).toArray();

  it('purges the erased person’s documents after the batch holding PersonErased, and again in a rebuild', async () => {
    await store.append('file-a', 0, named('ada', 'Ada Lovelace'), context);
    await store.append('file-b', 0, named('bob', 'Bob Marley'), context);
    await fold();
    // In one batch: a last change of Ada's, then her erasure.
    await store.append('file-a', 1, named('ada', 'Ada King'), context);
    await store.append(
      'person-ada',
      0,
      [{ type: 'PersonErased', data: { personId: 'ada', erasedAt: 'now' } }],
      context,
    );
    await fold();

    const expected = [
      { _id: 'file-a', ownerId: 'ada', name: '[erased]', _position: 4 },
      { _id: 'file-b', ownerId: 'bob', name: 'Bob Marley', _position: 2 },
    ];
    expect(await documents()).toEqual(expected);
    await runner.rebuild(contacts);
    expect(await documents()).toEqual(expected);
    // In rounds of one batch: the purge is folded into what the rebuild keeps of the documents too.
    await new ProjectionRunner(store, connection.db!, [contacts], undefined, { rebuildBatchSize: 1 }).rebuild(contacts);
    expect(await documents()).toEqual(expected);
  });
});
