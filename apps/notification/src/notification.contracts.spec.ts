import { ContractRegistry, notificationContracts } from '@admissions/contracts';
import type { DomainEvent } from '@admissions/domain-kernel';
import { notificationIdOf } from './domain';
import { serviceContracts } from './infrastructure/consumed-contracts';
import { CONSUMED } from './domain';

// The published contracts must accept exactly what the deciders emit.
const registry = new ContractRegistry(notificationContracts);
const AT = '2026-03-15T09:00:00.000Z';
const id = notificationIdOf('01JQEVENT', 'ADMISSIBLE');
const ref = { notificationId: id, recipientId: 'cand-1' };

const events: readonly DomainEvent[] = [
  {
    type: 'NotificationRequested',
    data: {
      ...ref,
      kind: 'ADMISSIBLE',
      language: 'fr',
      title: 'Vous êtes admissible : MS-DATA',
      body: 'Bonne nouvelle',
      sourceEventId: '01JQEVENT',
      sourceType: 'CandidateDeclaredAdmissible',
      requestedAt: AT,
    },
  },
  {
    type: 'NotificationSent',
    data: { ...ref, kind: 'ADMISSIBLE', round: 0, attempts: 1, messageId: `<${id}@x>`, sentAt: AT },
  },
  {
    type: 'NotificationFailed',
    data: { ...ref, kind: 'ADMISSIBLE', round: 0, attempts: 5, error: 'ECONNREFUSED', failedAt: AT },
  },
  {
    type: 'NotificationRetried',
    data: { ...ref, kind: 'ADMISSIBLE', round: 1, retriedBy: 'officer-1', retriedAt: AT },
  },
  { type: 'NotificationRead', data: { ...ref, readAt: AT } },
  {
    type: 'RecipientContactRecorded',
    data: { recipientId: 'cand-1', personal: { email: 'camille@example.org' }, language: 'fr', recordedAt: AT },
  },
  { type: 'NotificationAwaitingContact', data: { ...ref, awaitedAt: AT } },
  { type: 'CandidacyLinkedToRecipient', data: { candidacyId: 'c-1', recipientId: 'cand-1', linkedAt: AT } },
  {
    type: 'OfferReminderScheduled',
    data: {
      offerId: 'o-1',
      recipientId: 'cand-1',
      programmeCode: 'MS-DATA',
      expiresAt: AT,
      offerEventId: '01JQOFFER',
      remindAt: AT,
      scheduledAt: AT,
    },
  },
  { type: 'OfferReminderDue', data: { offerId: 'o-1', dueAt: AT } },
  { type: 'OfferReminderCancelled', data: { offerId: 'o-1', reason: 'EXPIRED', cancelledAt: AT } },
  // Recorded by the shared erasure propagation (libs/platform) when a person is erased.
  { type: 'PersonErased', data: { personId: 'cand-1', erasedAt: AT } },
];

describe('notification contracts', () => {
  it.each(events.map((event) => [event.type, event] as const))('%s honours its contract', (_type, event) => {
    expect(registry.validate(event.type, event.data)).toBeUndefined();
  });

  it('covers every event type it publishes', () => {
    expect(
      registry
        .all()
        .map((c) => c.type)
        .sort(),
    ).toEqual(events.map((e) => e.type).sort());
  });

  it('validates every type it consumes, each once', () => {
    const service = new ContractRegistry(serviceContracts());
    for (const type of Object.values(CONSUMED).flat()) expect(service.has(type)).toBe(true);
  });
});
