import type { StoredEvent } from '@admissions/event-store';
import { loggedNotificationEvent } from '../../test/logged-notification-event';
import { FAILED_DOCUMENT, type FailedNotifications, failedNotifications } from './failed-notifications.projection';

const logged = (type: string, notificationId: string, data: Record<string, unknown> = {}): StoredEvent =>
  loggedNotificationEvent(type, { notificationId, ...data });

const failure = { recipientId: 'p1', kind: 'ADMISSIBLE', round: 0, attempts: 3, error: 'refused', failedAt: 'x' };
const evolve = (document: FailedNotifications | null, event: StoredEvent) =>
  failedNotifications.evolve(document, event, FAILED_DOCUMENT);

describe('the notifications staff must look at', () => {
  it('lists a failed one until it is retried or sent', () => {
    const failed = evolve(null, logged('NotificationFailed', 'n1', failure));
    expect(failed.items.map((item) => item.id)).toEqual(['n1']);
    expect(evolve(failed, logged('NotificationRetried', 'n1', { round: 1 })).items).toEqual([]);
    expect(evolve(failed, logged('NotificationSent', 'n1', { round: 0 })).items).toEqual([]);
  });

  it('answers the list itself when a notification that never failed is sent: nothing to write', () => {
    const listed = evolve(null, logged('NotificationFailed', 'n1', failure));
    expect(evolve(listed, logged('NotificationSent', 'n2', { round: 0 }))).toBe(listed);
  });
});
