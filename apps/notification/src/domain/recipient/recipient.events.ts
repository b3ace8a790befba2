import type { DomainEvent } from '@admissions/domain-kernel';
import type { Language } from '../notification/notification-kind';

/**
 * How to reach a person: only what sending needs (address, first name for the greeting) under
 * `personal`, and the language they read. Stream `recipient-<personId>`.
 */
export type RecipientContactRecorded = DomainEvent<
  'RecipientContactRecorded',
  {
    readonly recipientId: string;
    readonly personal: { readonly email: string; readonly firstName?: string };
    readonly language: Language;
    readonly recordedAt: string;
  }
>;

/**
 * A notification could not be sent for want of this person's address: the contact that makes
 * them known sends it again. Stream `recipient-<personId>`, so its order against the contact is
 * the stream's own.
 */
export type NotificationAwaitingContact = DomainEvent<
  'NotificationAwaitingContact',
  { readonly recipientId: string; readonly notificationId: string; readonly awaitedAt: string }
>;

/** Events that name only a candidacy reach its candidate. Stream `candidacy-link-<candidacyId>`. */
export type CandidacyLinkedToRecipient = DomainEvent<
  'CandidacyLinkedToRecipient',
  { readonly candidacyId: string; readonly recipientId: string; readonly linkedAt: string }
>;

export type RecipientEvent = RecipientContactRecorded | NotificationAwaitingContact;
export type CandidacyLinkEvent = CandidacyLinkedToRecipient;
