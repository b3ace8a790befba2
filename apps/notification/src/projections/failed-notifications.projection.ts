import { domainEventOf } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { NotificationFailed, NotificationKind, NotificationRetried, NotificationSent } from '../domain';

export interface FailedNotification {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly round: number;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
}

/**
 * The notifications staff must look at: failed and not retried since. One document (`_id`
 * 'failed'): the list stays short, and staff read it without a collection scan.
 */
export interface FailedNotifications extends ReadModel {
  readonly items: readonly FailedNotification[];
}

export const FAILED_DOCUMENT = 'failed';

type Outcome = NotificationFailed | NotificationRetried | NotificationSent;

export const failedNotifications: Projection<FailedNotifications> = {
  name: 'rm_failed_notifications',
  handles: ['NotificationFailed', 'NotificationRetried', 'NotificationSent'],
  documentsOf: () => [FAILED_DOCUMENT],
  evolve: (document, stored, id) => {
    const event = domainEventOf<Outcome>(stored);
    const others = (document?.items ?? []).filter((item) => item.id !== event.data.notificationId);
    if (event.type !== 'NotificationFailed') {
      // Sent or retried without having failed (the usual case): the list stays as it is.
      if (document && others.length === document.items.length) return document;
      return { _id: id, items: others };
    }
    const { notificationId, recipientId, kind, round, attempts, error, failedAt } = event.data;
    return { _id: id, items: [...others, { id: notificationId, recipientId, kind, round, attempts, error, failedAt }] };
  },
};
