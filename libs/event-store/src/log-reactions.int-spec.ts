import type { Actor } from '@admissions/domain-kernel';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import type { StoredEvent } from './event';
import { EventStore } from './event-store';
import { LogReactions, type LogReaction } from './log-reactions';
import { LogSequencer } from './log-sequencer';

const actor: Actor = { id: 'tester', roles: ['admin'] };
const context = { correlationId: 'c', actor, occurredAt: new Date('2026-03-15T10:00:00Z') };

/** A reaction that keeps what it was given and fails while `failing` is set. */
function recorder(name: string): LogReaction & { seen: StoredEvent[][]; failing: boolean } {
  return {
    name,
    types: ['Wanted'],
    seen: [],
    failing: false,
    async handle(events) {
      this.seen.push([...events]);
      if (this.failing) throw new Error('down');
    },
  };
}

describe('LogReactions on the MongoDB-wire server', () => {
  let connection: mongoose.Connection;
  let store: EventStore;
  let sequencer: LogSequencer;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('reactions') }).asPromise();
    store = new EventStore(connection.db!);
    sequencer = new LogSequencer(store);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const append = async (streamId: string, version: number, type: string) => {
    await store.append(streamId, version, [{ type, data: { streamId, version } }], context);
    while ((await sequencer.sequence()) > 0);
  };

  it('hands a reaction its types only, in position order, each once across a restart', async () => {
    await append('a', 0, 'Wanted');
    await append('b', 0, 'Other');
    await append('b', 1, 'Wanted');
    await append('a', 1, 'Wanted');
    const reaction = recorder('first');
    const reactions = new LogReactions(store, connection.db!);
    reactions.add(reaction);

    expect(await reactions.step()).toBe(4);
    expect(await reactions.step()).toBe(0);
    const handled = reaction.seen.flat();
    expect(handled.map((event) => [event.metadata.streamId, event.type])).toEqual([
      ['a', 'Wanted'],
      ['b', 'Wanted'],
      ['a', 'Wanted'],
    ]);
    const positions = handled.map((event) => event.metadata.position ?? 0);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));

    await append('c', 0, 'Wanted');
    const restarted = new LogReactions(store, connection.db!);
    const again = recorder('first');
    restarted.add(again);
    await restarted.step();
    expect(again.seen.flat().map((event) => event.metadata.streamId)).toEqual(['c']);
  });

  it('hands the same events again after a failed round, and moves on only once they are handled', async () => {
    await append('d', 0, 'Wanted');
    const reaction = recorder('flaky');
    const reactions = new LogReactions(store, connection.db!);
    reactions.add(reaction);
    while ((await reactions.step()) > 0);
    reaction.seen.length = 0;

    await append('e', 0, 'Wanted');
    reaction.failing = true;
    await expect(reactions.step()).rejects.toThrow('down');
    reaction.failing = false;
    await reactions.step();
    expect(reaction.seen.map((events) => events.map((event) => event.metadata.streamId))).toEqual([['e'], ['e']]);
    expect(await reactions.step()).toBe(0);
  });
});
