import type { Command, Decider, DomainEvent } from '@admissions/domain-kernel';

export type ErasePerson = Command<'ErasePerson', { readonly personId: string }>;
export type PersonErased = DomainEvent<'PersonErased', { readonly personId: string; readonly erasedAt: string }>;

export interface PersonErasureState {
  readonly erasedAt?: string;
}

/** Stream `person-<personId>`: erased once; asking again changes nothing (idempotent). */
export const personErasureDecider: Decider<ErasePerson, PersonErased, PersonErasureState> = {
  initialState: () => ({}),
  decide: (command, state) =>
    state.erasedAt !== undefined
      ? []
      : [
          {
            type: 'PersonErased',
            data: { personId: command.data.personId, erasedAt: command.metadata.now.toISOString() },
          },
        ],
  evolve: (state, event) => ({ ...state, erasedAt: event.data.erasedAt }),
};

export const personStreamId = (personId: string): string => `person-${personId}`;
