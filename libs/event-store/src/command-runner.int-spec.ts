import { type Actor, type Command, type Decider, type DomainEvent, IllegalStateError } from '@admissions/domain-kernel';
import { testEnv, uniqueName } from '@admissions/testing';
import mongoose from 'mongoose';
import { CommandRunner } from './command-runner';
import { EventStore } from './event-store';

type Counter = Command<'SetLimit', { limit: number }> | Command<'Take', Record<string, never>>;
type Counted = DomainEvent<'LimitSet', { limit: number }> | DomainEvent<'Taken', Record<string, never>>;
interface Tickets {
  readonly limit: number;
  readonly taken: number;
}

/** A tiny aggregate: a limit (setting the same one again does nothing) and tickets taken up to it. */
const tickets: Decider<Counter, Counted, Tickets> = {
  initialState: () => ({ limit: 0, taken: 0 }),
  decide: (command, state) => {
    if (command.type === 'SetLimit')
      return command.data.limit === state.limit ? [] : [{ type: 'LimitSet', data: { limit: command.data.limit } }];
    if (state.taken >= state.limit) throw new IllegalStateError('no ticket left', 'JURY-5');
    return [{ type: 'Taken', data: {} }];
  },
  evolve: (state, event) =>
    event.type === 'LimitSet' ? { ...state, limit: event.data.limit } : { ...state, taken: state.taken + 1 },
};

const actor: Actor = { id: 'tester', roles: ['admin'] };
const metadata = { now: new Date('2026-03-15T10:00:00Z'), actor };
const setLimit = (limit: number): Counter => ({ type: 'SetLimit', data: { limit }, metadata });
const take: Counter = { type: 'Take', data: {}, metadata };
const options = { correlationId: 'c' };

describe('CommandRunner on a stream this process already knows', () => {
  let connection: mongoose.Connection;
  /** Two replicas of a service: each its own store (and stream cache) over one database. */
  let here: CommandRunner;
  let there: CommandRunner;
  let streamReads = 0;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testEnv().mongoUrl, { dbName: uniqueName('runner'), monitorCommands: true })
      .asPromise();
    connection.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find' && event.command.find === 'es_commits') streamReads += 1;
    });
    here = new CommandRunner(new EventStore(connection.db!));
    there = new CommandRunner(new EventStore(connection.db!));
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('decides on the stream it wrote last without reading it again', async () => {
    await here.run(tickets, 'known', setLimit(2), options);
    streamReads = 0;
    const { events, version } = await here.run(tickets, 'known', take, options);
    expect(events.map((e) => e.type)).toEqual(['Taken']);
    expect(version).toBe(2);
    expect(streamReads).toBe(0);
  });

  it('appends after what another replica stored, never over it', async () => {
    await here.run(tickets, 'raced', setLimit(5), options);
    await there.run(tickets, 'raced', take, options);
    const { version, state } = await here.run(tickets, 'raced', take, options);
    expect(version).toBe(3);
    expect(state).toEqual({ limit: 5, taken: 2 });
  });

  it('does not refuse on what it knew: the rule is checked again on the stored stream', async () => {
    await here.run(tickets, 'refused', setLimit(1), options);
    await here.run(tickets, 'refused', take, options);
    await there.run(tickets, 'refused', setLimit(2), options);
    const { events, state } = await here.run(tickets, 'refused', take, options);
    expect(events.map((e) => e.type)).toEqual(['Taken']);
    expect(state).toEqual({ limit: 2, taken: 2 });
    await expect(here.run(tickets, 'refused', take, options)).rejects.toThrow(IllegalStateError);
  });

  it('does not skip a command that looked done on what it knew', async () => {
    await here.run(tickets, 'no-op', setLimit(1), options);
    await there.run(tickets, 'no-op', setLimit(3), options);
    const { events, state } = await here.run(tickets, 'no-op', setLimit(1), options);
    expect(events.map((e) => e.data)).toEqual([{ limit: 1 }]);
    expect(state.limit).toBe(1);
  });

  it('answers a command already caused by an event from what it knew, without writing', async () => {
    const caused = { correlationId: 'c', causationId: 'event-1' };
    await here.run(tickets, 'caused', setLimit(1), caused);
    streamReads = 0;
    const again = await here.run(tickets, 'caused', setLimit(7), caused);
    expect(again.events).toEqual([]);
    expect(again.state.limit).toBe(1);
    expect(streamReads).toBe(0);
  });

  it('decides a stream expected new without reading it', async () => {
    streamReads = 0;
    const { events, version } = await here.run(tickets, 'fresh', setLimit(3), { ...options, expectNew: true });
    expect(events.map((e) => e.type)).toEqual(['LimitSet']);
    expect(version).toBe(1);
    expect(streamReads).toBe(0);
  });

  it('decides a stream expected new but stored already on what is stored: no refusal, no overwrite, no redo', async () => {
    await there.run(tickets, 'not-new', setLimit(1), options);
    const taken = await here.run(tickets, 'not-new', take, { ...options, expectNew: true });
    expect(taken.version).toBe(2);
    expect(taken.state).toEqual({ limit: 1, taken: 1 });
    const caused = { correlationId: 'c', causationId: 'event-2' };
    await there.run(tickets, 'not-new-caused', setLimit(4), caused);
    const again = await here.run(tickets, 'not-new-caused', setLimit(4), { ...caused, expectNew: true });
    expect(again.events).toEqual([]);
    const overwritten = await here.run(tickets, 'not-new-caused', setLimit(5), { ...options, expectNew: true });
    expect(overwritten.version).toBe(2);
  });

  /** The tickets decider, counting its evolve calls in `evolved`: a fold's cost. */
  let evolved = 0;
  const counting: typeof tickets = {
    ...tickets,
    evolve: (state, event) => {
      evolved += 1;
      return tickets.evolve(state, event);
    },
  };

  it('folds a long stream once: each later command evolves only what was appended since', async () => {
    const long = new CommandRunner(new EventStore(connection.db!));
    await there.run(tickets, 'long', setLimit(100), options);
    for (let i = 0; i < 40; i += 1) await there.run(tickets, 'long', take, options);
    evolved = 0;
    await long.run(counting, 'long', take, options);
    expect(evolved).toBe(41 + 1); // the stream read and folded once, then the command's own event
    evolved = 0;
    for (let i = 0; i < 10; i += 1) await long.run(counting, 'long', take, options);
    expect(evolved).toBe(10);
    // Another replica's append: only its event is read and evolved, then the command's.
    await there.run(tickets, 'long', take, options);
    evolved = 0;
    const { state, version } = await long.run(counting, 'long', take, options);
    expect(state).toEqual({ limit: 100, taken: 53 });
    expect(version).toBe(54);
    expect(evolved).toBe(2);
  });

  it('folds again from the stored events once a person’s key is forgotten', async () => {
    const store = new EventStore(connection.db!);
    const runner = new CommandRunner(store);
    await runner.run(counting, 'forgotten', setLimit(9), options);
    await runner.run(counting, 'forgotten', take, options);
    store.forgetKey('someone');
    evolved = 0;
    await runner.run(counting, 'forgotten', take, options);
    expect(evolved).toBe(3);
  });
});
