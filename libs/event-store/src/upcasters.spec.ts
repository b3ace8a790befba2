import type { StoredEvent } from './event';
import { Upcasters } from './upcasters';

const stored = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  type,
  data,
  metadata: {
    eventId: 'e',
    streamId: 's',
    version: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'c',
    actor: { id: 'a', roles: [] },
    schemaVersion,
  },
});

describe('Upcasters', () => {
  const upcasters = new Upcasters([
    { type: 'DocumentAttached', fromVersion: 1, upcast: (d) => ({ ...(d as object), sizeBytes: 0 }) },
    { type: 'DocumentAttached', fromVersion: 2, upcast: (d) => ({ ...(d as object), checksum: null }) },
  ]);

  it('lifts a version 1 event through every step to the current shape', () => {
    const event = upcasters.apply(stored('DocumentAttached', 1, { name: 'cv.pdf' }));
    expect(event.data).toEqual({ name: 'cv.pdf', sizeBytes: 0, checksum: null });
    expect(event.metadata.schemaVersion).toBe(3);
  });

  it('leaves a current event as it is', () => {
    const current = stored('DocumentAttached', 3, { name: 'cv.pdf', sizeBytes: 1, checksum: 'x' });
    expect(upcasters.apply(current)).toBe(current);
  });

  it('refuses two upcasters for the same step', () => {
    expect(
      () =>
        new Upcasters([
          { type: 'T', fromVersion: 1, upcast: (d) => d },
          { type: 'T', fromVersion: 1, upcast: (d) => d },
        ]),
    ).toThrow('Two upcasters for T@1');
  });
});
