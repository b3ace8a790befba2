import { type Command, type Decider, ValidationError, INPUT } from '@admissions/domain-kernel';
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

export type RecipientState =
  | { readonly status: 'UNKNOWN' }
  | { readonly status: 'KNOWN'; readonly email: string; readonly firstName?: string; readonly language: Language };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const recipientDecider: Decider<RecordContact, RecipientEvent, RecipientState> = {
  initialState: () => ({ status: 'UNKNOWN' }),
  decide: ({ data, metadata }, state) => {
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
  },
  evolve: (_state, event) => ({
    status: 'KNOWN',
    email: event.data.personal.email,
    ...(event.data.personal.firstName === undefined ? {} : { firstName: event.data.personal.firstName }),
    language: event.data.language,
  }),
};

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
