import { assertNever, type Command, type Decider, ValidationError, INPUT } from '@admissions/domain-kernel';
import type { Language } from '../notification/notification-kind';
import type { CandidacyLinkEvent, RecipientEvent } from './recipient.events';

export type RecordContact = Command<
  'RecordContact',
  {
    readonly recipientId: string;
    readonly email: string;
    readonly firstName?: string;
    /** Absent when the source does not say: the known language stays. */
    readonly language?: Language;
  }
>;

/** A notification found no address for this person: it waits for their contact. System command. */
export type AwaitContact = Command<'AwaitContact', { readonly recipientId: string; readonly notificationId: string }>;

export type RecipientCommand = RecordContact | AwaitContact;

export type RecipientState =
  /** `awaiting`: the notifications that the contact, once recorded, sends again. */
  | { readonly status: 'UNKNOWN'; readonly awaiting: readonly string[] }
  | { readonly status: 'KNOWN'; readonly email: string; readonly firstName?: string; readonly language: Language };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const recipientDecider: Decider<RecipientCommand, RecipientEvent, RecipientState> = {
  initialState: () => ({ status: 'UNKNOWN', awaiting: [] }),
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordContact':
        return recordContact(command, state);
      case 'AwaitContact':
        return awaitContact(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'RecipientContactRecorded':
        // The notifications awaiting are handed over: they are sent again in reaction to this event.
        return {
          status: 'KNOWN',
          email: event.data.personal.email,
          ...(event.data.personal.firstName === undefined ? {} : { firstName: event.data.personal.firstName }),
          language: event.data.language,
        };
      case 'NotificationAwaitingContact':
        return state.status === 'UNKNOWN'
          ? { ...state, awaiting: [...state.awaiting, event.data.notificationId] }
          : state;
      default:
        return assertNever(event);
    }
  },
};

function recordContact({ data, metadata }: RecordContact, state: RecipientState): RecipientEvent[] {
  const email = data.email.trim();
  if (!EMAIL.test(email)) throw new ValidationError('not an email address', INPUT, 'email');
  const language = data.language ?? (state.status === 'KNOWN' ? state.language : 'fr');
  const firstName = data.firstName ?? (state.status === 'KNOWN' ? state.firstName : undefined);
  if (
    state.status === 'KNOWN' &&
    state.email === email &&
    state.language === language &&
    state.firstName === firstName
  ) {
    return [];
  }
  return [
    {
      type: 'RecipientContactRecorded',
      data: {
        recipientId: data.recipientId,
        personal: firstName === undefined ? { email } : { email, firstName },
        language,
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/**
 * Recorded once per notification, and only while no contact is known: a contact recorded in the
 * meantime leaves nothing to wait for (the state says KNOWN: send now). The stream's optimistic
 * concurrency orders the two, so a notification either waits for the contact or finds it.
 */
function awaitContact({ data, metadata }: AwaitContact, state: RecipientState): RecipientEvent[] {
  if (state.status === 'KNOWN' || state.awaiting.includes(data.notificationId)) return [];
  return [
    {
      type: 'NotificationAwaitingContact',
      data: {
        recipientId: data.recipientId,
        notificationId: data.notificationId,
        awaitedAt: metadata.now.toISOString(),
      },
    },
  ];
}

export type LinkCandidacy = Command<'LinkCandidacy', { readonly candidacyId: string; readonly recipientId: string }>;

export type CandidacyLinkState = { readonly recipientId?: string };

/** A candidacy belongs to one candidate for good: the first link holds, a repeat is a no-op. */
export const candidacyLinkDecider: Decider<LinkCandidacy, CandidacyLinkEvent, CandidacyLinkState> = {
  initialState: () => ({}),
  decide: ({ data, metadata }, state) => {
    if (state.recipientId === data.recipientId) return [];
    if (state.recipientId !== undefined) {
      throw new ValidationError('this candidacy belongs to another candidate', INPUT, 'candidateId');
    }
    return [
      {
        type: 'CandidacyLinkedToRecipient',
        data: { candidacyId: data.candidacyId, recipientId: data.recipientId, linkedAt: metadata.now.toISOString() },
      },
    ];
  },
  evolve: (_state, event) => ({ recipientId: event.data.recipientId }),
};
