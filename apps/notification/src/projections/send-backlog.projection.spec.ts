import type { StoredEvent } from '@admissions/event-store';
import { type PendingSend, sendBacklog } from './send-backlog.projection';

let position = 0;
function logged(type: string, data: Record<string, unknown> = {}): StoredEvent {
  position += 1;
  return {
    type,
    data: { notificationId: 'notification-e1-ADMISSIBLE', recipientId: 'p1', ...data },
    metadata: {
      eventId: `e${position}`,
      streamId: 'notification-e1-ADMISSIBLE',
      version: position,
      position,
      occurredAt: '2026-03-10T09:00:00.000Z',
      correlationId: 'c',
      actor: { id: 'system:notification', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}

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
