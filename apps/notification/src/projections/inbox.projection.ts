import { domainEventOf, type StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import type { NotificationKind, NotificationRead, NotificationRequested } from '../domain';

export interface InboxItem {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly receivedAt: string;
  readonly read: boolean;
  readonly readAt: string | null;
}

/** A person's candidate-space inbox: one document per recipient, newest message first. */
export interface Inbox extends ReadModel {
  readonly items: readonly InboxItem[];
  readonly unread: number;
}

type InboxEvent = NotificationRequested | NotificationRead;

function withItems(id: string, items: readonly InboxItem[]): Inbox {
  return { _id: id, items, unread: items.filter((item) => !item.read).length };
}

export const inbox: Projection<Inbox> = {
  name: 'rm_inbox',
  handles: ['NotificationRequested', 'NotificationRead'],
  documentsOf: (event: StoredEvent) => [(event.data as InboxEvent['data']).recipientId],
  evolve: (document, stored, id) => {
    const items = document?.items ?? [];
    const event = domainEventOf<InboxEvent>(stored);
    if (event.type === 'NotificationRequested') {
      const { notificationId, kind, title, body, requestedAt } = event.data;
      if (items.some((item) => item.id === notificationId)) return withItems(id, items);
      const item: InboxItem = {
        id: notificationId,
        kind,
        title,
        body,
        receivedAt: requestedAt,
        read: false,
        readAt: null,
      };
      return withItems(id, [item, ...items]);
    }
    const { notificationId, readAt } = event.data;
    return withItems(
      id,
      items.map((item) => (item.id === notificationId && !item.read ? { ...item, read: true, readAt } : item)),
    );
  },
};
