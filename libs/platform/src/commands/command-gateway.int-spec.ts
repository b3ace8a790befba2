import {
  type Command,
  type Decider,
  type DomainEvent,
  IllegalStateError,
  ManualClock,
} from '@admissions/domain-kernel';
import { CommandRunner, EventStore, type StoredEvent } from '@admissions/event-store';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { runWithCorrelation } from '../logging/correlation';
import { CommandGateway, systemActorOf } from './command-gateway';

type CounterCommand = Command<'Add', { n: number }>;
type Added = DomainEvent<'Added', { n: number; at: string }>;

/** Adds numbers up to 100; the time of each addition comes from the command's metadata. */
const counter: Decider<CounterCommand, Added, number> = {
  initialState: () => 0,
  decide: ({ data, metadata }, total) => {
    if (total + data.n > 100) throw new IllegalStateError('the counter stops at 100', 'JURY-5');
    return data.n === 0 ? [] : [{ type: 'Added', data: { n: data.n, at: metadata.now.toISOString() } }];
  },
  evolve: (total, event) => total + event.data.n,
};

const lead = { id: 'lead-1', roles: ['pedagogical-lead'] };

describe('CommandGateway', () => {
  let connection: mongoose.Connection;
  let store: EventStore;
  let gateway: CommandGateway;
  let conflicts = 0;
  const clock = new ManualClock(new Date('2027-03-01T09:00:00Z'));
  const committed: StoredEvent[][] = [];

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: uniqueName('gateway') }).asPromise();
    store = new EventStore(connection.db!);
    gateway = new CommandGateway(new CommandRunner(store, () => (conflicts += 1)), clock, {
      actor: systemActorOf('test'),
    });
    gateway.onCommitted(counter, async (events) => void committed.push([...events]));
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it("stamps the intent with the clock's time, the actor and the request's correlation", async () => {
    const { events, state } = await runWithCorrelation('request-7', () =>
      gateway.handle(counter, 'counter-a', { type: 'Add', data: { n: 2 } }, { actor: lead }),
    );
    expect(state).toBe(2);
    expect(events[0].data).toEqual({ n: 2, at: '2027-03-01T09:00:00.000Z' });
    expect(events[0].metadata).toMatchObject({ correlationId: 'request-7', actor: lead });
  });

  it('gives a command outside any request a correlation of its own, and the service as system actor', async () => {
    const { events } = await gateway.handle(
      counter,
      'counter-b',
      { type: 'Add', data: { n: 1 } },
      gateway.causedBy('event-1'),
    );
    expect(events[0].metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0].metadata).toMatchObject({ causationId: 'event-1', actor: systemActorOf('test') });
    const again = await gateway.handle(
      counter,
      'counter-b',
      { type: 'Add', data: { n: 1 } },
      gateway.causedBy('event-1'),
    );
    expect(again.events).toEqual([]);
    expect(again.state).toBe(1);
  });

  it('runs the steps declared for a decider after each command that stored events, and only then', async () => {
    committed.length = 0;
    await gateway.handle(counter, 'counter-c', { type: 'Add', data: { n: 3 } }, { actor: lead });
    await gateway.handle(counter, 'counter-c', { type: 'Add', data: { n: 0 } }, { actor: lead });
    await expect(
      gateway.handle(counter, 'counter-c', { type: 'Add', data: { n: 500 } }, { actor: lead }),
    ).rejects.toThrow(IllegalStateError);
    expect(committed.map((events) => events.map((e) => e.data))).toEqual([[{ n: 3, at: expect.any(String) }]]);
  });

  it('queues the commands of one stream in this process instead of letting them collide', async () => {
    conflicts = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        gateway.handle(counter, 'counter-d', { type: 'Add', data: { n: 1 } }, { actor: lead }),
      ),
    );
    expect((await store.readStream('counter-d')).version).toBe(20);
    expect(conflicts).toBe(0);
  });
});
