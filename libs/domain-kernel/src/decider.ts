/**
 * The shape every aggregate follows: a command is decided against the state folded from past
 * events and answers new events (or throws a DomainError); evolve folds one event into state.
 * Time and actor come in the command's metadata, never from the clock or a request.
 */
export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => E[];
  readonly evolve: (state: S, event: E) => S;
}

export function foldEvents<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  events: readonly E[],
): S {
  return events.reduce(decider.evolve, decider.initialState());
}
