import type { Command } from '@admissions/domain-kernel';
import type { Language, NotificationContent } from './notification-kind';

/** A process manager owes a person a message because of `sourceEventId`. System command. */
export type RequestNotification = Command<
  'RequestNotification',
  {
    readonly notificationId: string;
    readonly recipientId: string;
    readonly language: Language;
    readonly content: NotificationContent;
    readonly sourceEventId: string;
    readonly sourceType: string;
  }
>;

/** The SMTP server accepted the message. System command (the send job). */
export type RecordDelivery = Command<
  'RecordDelivery',
  { readonly round: number; readonly attempts: number; readonly messageId: string }
>;

/** The round's attempts are spent, or sending cannot succeed. System command (the send job). */
export type RecordFailure = Command<
  'RecordFailure',
  { readonly round: number; readonly attempts: number; readonly error: string }
>;

/** Staff send a failed notification again. */
export type RetryNotification = Command<'RetryNotification', Record<string, never>>;

/** The recipient marks the message read in their inbox. */
export type MarkNotificationRead = Command<'MarkNotificationRead', Record<string, never>>;

export type NotificationCommand =
  RequestNotification | RecordDelivery | RecordFailure | RetryNotification | MarkNotificationRead;
