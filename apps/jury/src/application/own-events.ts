import type { EventStore } from '@admissions/event-store';
import type { ReceivedEvent } from '@admissions/messaging';

/**
 * The event read from the jury's topic is in this service's own store (same stream, same id),
 * not one of another deployment sharing the topic (a test run, a staging copy).
 */
export async function isOwnEvent(store: EventStore, event: ReceivedEvent): Promise<boolean> {
  const stream = await store.readStream(event.metadata.streamId);
  return stream.events[event.metadata.version - 1]?.metadata.eventId === event.metadata.eventId;
}
