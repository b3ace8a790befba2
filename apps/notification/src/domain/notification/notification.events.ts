import type { DomainEvent } from '@admissions/domain-kernel';
import type { Language, NotificationKind } from './notification-kind';

/**
 * A message is owed to a person: its text as they read it (rendered once, in their language, so
 * the inbox and the email say the same thing and a template change never rewrites history).
 */
export type NotificationRequested = DomainEvent<
  'NotificationRequested',
  {
    readonly notificationId: string;
    readonly recipientId: string;
    readonly kind: NotificationKind;
    readonly language: Language;
    readonly title: string;
    readonly body: string;
    /** The event that made it owed (its id is in notificationId) and that event's type. */
    readonly sourceEventId: string;
    readonly sourceType: string;
    readonly requestedAt: string;
  }
>;

/** The SMTP server accepted the message; `round` is 0 for the first sending, then one per retry. */
export type NotificationSent = DomainEvent<
  'NotificationSent',
  {
    readonly notificationId: string;
    readonly recipientId: string;
    readonly kind: NotificationKind;
    readonly round: number;
    readonly attempts: number;
    readonly messageId: string;
    readonly sentAt: string;
  }
>;

/**
 * Every attempt of a round failed (or sending cannot succeed); staff see it and may retry. One
 * failed for want of an address is retried by the service once the person's contact is recorded.
 */
export type NotificationFailed = DomainEvent<
  'NotificationFailed',
  {
    readonly notificationId: string;
    readonly recipientId: string;
    readonly kind: NotificationKind;
    readonly round: number;
    readonly attempts: number;
    readonly error: string;
    readonly failedAt: string;
  }
>;

export type NotificationRetried = DomainEvent<
  'NotificationRetried',
  {
    readonly notificationId: string;
    readonly recipientId: string;
    readonly kind: NotificationKind;
    readonly round: number;
    readonly retriedBy: string;
    readonly retriedAt: string;
  }
>;

/** The person opened the message in their candidate space. */
export type NotificationRead = DomainEvent<
  'NotificationRead',
  { readonly notificationId: string; readonly recipientId: string; readonly readAt: string }
>;

export type NotificationEvent =
  NotificationRequested | NotificationSent | NotificationFailed | NotificationRetried | NotificationRead;
