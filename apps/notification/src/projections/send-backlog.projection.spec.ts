import type { StoredEvent } from '@admissions/event-store';
import { loggedNotificationEvent } from '../../test/logged-notification-event';
import { type PendingSend, sendBacklog } from './send-backlog.projection';

const logged = (type: string, data: Record<string, unknown> = {}): StoredEvent =>
  loggedNotificationEvent(type, { notificationId: 'notification-e1-ADMISSIBLE', recipientId: 'p1', ...data });

const fold = (events: readonly StoredEvent[]) =>
  events.reduce<PendingSend | null>((document, event) => {
    const [id] = sendBacklog.documentsOf(event);
    return sendBacklog.evolve(document, event, id);
  }, null);

describe('the sends owed, one document per notification', () => {
  it('is pending from the request, in round 0, until the message is sent', () => {
    const requested = logged('NotificationRequested');
    expect(sendBacklog.documentsOf(requested)).toEqual(['notification-e1-ADMISSIBLE']);
    expect(fold([requested])).toEqual({ _id: 'notification-e1-ADMISSIBLE', round: 0, status: 'PENDING' });
    expect(fold([requested, logged('NotificationSent', { round: 0 })])?.status).toBe('SETTLED');
  });

  it('a failed round settles it; a retry owes it again in the new round', () => {
    const failed = [logged('NotificationRequested'), logged('NotificationFailed', { round: 0 })];
    expect(fold(failed)).toEqual({ _id: 'notification-e1-ADMISSIBLE', round: 0, status: 'SETTLED' });
    expect(fold([...failed, logged('NotificationRetried', { round: 1 })])).toEqual({
      _id: 'notification-e1-ADMISSIBLE',
      round: 1,
      status: 'PENDING',
    });
  });
});
