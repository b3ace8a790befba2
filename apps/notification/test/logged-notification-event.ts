import type { StoredEvent } from '@admissions/event-store';

let position = 0;

/** A notification's event as the projections read it from the log, at the next position. */
export function loggedNotificationEvent(
  type: string,
  data: { readonly notificationId: string } & Record<string, unknown>,
): StoredEvent {
  position += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `e${position}`,
      streamId: data.notificationId,
      version: position,
      position,
      occurredAt: '2026-03-10T09:00:00.000Z',
      correlationId: 'c',
      actor: { id: 'system:notification', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}
