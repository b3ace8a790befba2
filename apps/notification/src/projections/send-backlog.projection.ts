import { domainEventOf } from '@admissions/event-store';
import { assertNever } from '@admissions/domain-kernel';
import type { Projection, ReadModel } from '@admissions/projections';
import type { NotificationFailed, NotificationRequested, NotificationRetried, NotificationSent } from '../domain';

/**
 * A notification's sending, owed (PENDING) until sent or failed, with its current round: the send
 * reconciler makes sure each pending one has a job, so a job lost between the append and Redis (a
 * crash, a Redis outage) is re-created. One small document per notification, read by an equality
 * on the indexed status: a single document listing them all was rewritten whole at every round,
 * and grew to 90 KB in a jury's burst of decisions.
 */
export interface PendingSend extends ReadModel {
  readonly round: number;
  readonly status: 'PENDING' | 'SETTLED';
}

type BacklogEvent = NotificationRequested | NotificationRetried | NotificationSent | NotificationFailed;

export const sendBacklog: Projection<PendingSend> = {
  name: 'rm_pending_sends',
  handles: ['NotificationRequested', 'NotificationRetried', 'NotificationSent', 'NotificationFailed'],
  indexes: ['status'],
  startedBy: ['NotificationRequested'],
  documentsOf: (stored) => [domainEventOf<BacklogEvent>(stored).data.notificationId],
  evolve: (_document, stored, id) => {
    const event = domainEventOf<BacklogEvent>(stored);
    switch (event.type) {
      case 'NotificationRequested':
        return { _id: id, round: 0, status: 'PENDING' };
      case 'NotificationRetried':
        return { _id: id, round: event.data.round, status: 'PENDING' };
      case 'NotificationSent':
      case 'NotificationFailed':
        return { _id: id, round: event.data.round, status: 'SETTLED' };
      default:
        return assertNever(event);
    }
  },
};
