import { domainEventOf } from '@admissions/event-store';
import { assertNever } from '@admissions/domain-kernel';
import type { Projection, ReadModel } from '@admissions/projections';
import type { NotificationFailed, NotificationRequested, NotificationRetried, NotificationSent } from '../domain';

export interface PendingSend {
  readonly id: string;
  readonly round: number;
}

/**
 * Notifications owed and not yet settled (sent or failed), with their current round: the send
 * reconciler makes sure each has a job, so a job lost between the append and Redis (a crash, a
 * Redis outage) is re-created. One document (`_id` 'pending'), read without a scan.
 */
export interface SendBacklog extends ReadModel {
  readonly items: readonly PendingSend[];
}

export const BACKLOG_DOCUMENT = 'pending';

type BacklogEvent = NotificationRequested | NotificationRetried | NotificationSent | NotificationFailed;

export const sendBacklog: Projection<SendBacklog> = {
  name: 'rm_send_backlog',
  handles: ['NotificationRequested', 'NotificationRetried', 'NotificationSent', 'NotificationFailed'],
  documentsOf: () => [BACKLOG_DOCUMENT],
  evolve: (document, stored, id) => {
    const event = domainEventOf<BacklogEvent>(stored);
    const others = (document?.items ?? []).filter((item) => item.id !== event.data.notificationId);
    switch (event.type) {
      case 'NotificationRequested':
        return { _id: id, items: [...others, { id: event.data.notificationId, round: 0 }] };
      case 'NotificationRetried':
        return { _id: id, items: [...others, { id: event.data.notificationId, round: event.data.round }] };
      case 'NotificationSent':
      case 'NotificationFailed':
        return { _id: id, items: others };
      default:
        return assertNever(event);
    }
  },
};
