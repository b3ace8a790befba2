import { type Actor, deciderSpec, foldEvents, ValidationError } from '@admissions/domain-kernel';
import {
  type AwaitContact,
  candidacyLinkDecider,
  type LinkCandidacy,
  type RecordContact,
  recipientDecider,
} from './recipient.decide';
import type { NotificationAwaitingContact, RecipientContactRecorded } from './recipient.events';

const SYSTEM: Actor = { id: 'system:notification', roles: ['admin'] };
const metadata = { now: new Date('2026-03-01T10:00:00.000Z'), actor: SYSTEM };
const contact = (data: Partial<RecordContact['data']>): RecordContact => ({
  type: 'RecordContact',
  data: { recipientId: 'cand-1', email: 'camille@example.org', ...data },
  metadata,
});
const recorded = (data: Partial<RecipientContactRecorded['data']>): RecipientContactRecorded => ({
  type: 'RecipientContactRecorded',
  data: {
    recipientId: 'cand-1',
    personal: { email: 'camille@example.org', firstName: 'Camille' },
    language: 'en',
    recordedAt: metadata.now.toISOString(),
    ...data,
  },
});

const awaitContact = (notificationId: string): AwaitContact => ({
  type: 'AwaitContact',
  data: { recipientId: 'cand-1', notificationId },
  metadata,
});
const awaiting = (notificationId: string): NotificationAwaitingContact => ({
  type: 'NotificationAwaitingContact',
  data: { recipientId: 'cand-1', notificationId, awaitedAt: metadata.now.toISOString() },
});

describe('recipient', () => {
  const spec = deciderSpec(recipientDecider);

  it('keeps the address, first name and language, and nothing more', () => {
    spec
      .given([])
      .when(contact({ firstName: 'Camille', language: 'en' }))
      .then([recorded({})]);
  });

  it('a source without a language or name keeps the known ones; the same contact changes nothing', () => {
    spec
      .given([recorded({})])
      .when(contact({}))
      .thenNothing();
    spec
      .given([recorded({})])
      .when(contact({ email: 'c.martin@example.org' }))
      .then([recorded({ personal: { email: 'c.martin@example.org', firstName: 'Camille' } })]);
  });

  it('defaults to French for a person whose language is unknown', () => {
    spec
      .given([])
      .when(contact({}))
      .then([recorded({ personal: { email: 'camille@example.org' }, language: 'fr' })]);
  });

  it('refuses what is not an address', () => {
    spec
      .given([])
      .when(contact({ email: 'camille' }))
      .thenThrows(ValidationError, { field: 'email' });
  });

  it('a notification that finds no address waits for the contact, once', () => {
    spec
      .given([])
      .when(awaitContact('n-1'))
      .then([awaiting('n-1')]);
    spec
      .given([awaiting('n-1')])
      .when(awaitContact('n-1'))
      .thenNothing();
    spec
      .given([awaiting('n-1')])
      .when(awaitContact('n-2'))
      .then([awaiting('n-2')]);
    expect(foldEvents(recipientDecider, [awaiting('n-1'), awaiting('n-2')])).toEqual({
      status: 'UNKNOWN',
      awaiting: ['n-1', 'n-2'],
    });
  });

  it('a notification that finds the contact recorded meanwhile waits for nothing: it is sent now', () => {
    spec
      .given([recorded({})])
      .when(awaitContact('n-1'))
      .thenNothing();
    expect(foldEvents(recipientDecider, [recorded({})]).status).toBe('KNOWN');
  });

  it('the contact hands the notifications awaiting over: the person is known, nothing waits any more', () => {
    spec
      .given([awaiting('n-1')])
      .when(contact({ firstName: 'Camille', language: 'en' }))
      .then([recorded({})]);
    expect(foldEvents(recipientDecider, [awaiting('n-1'), recorded({})])).toEqual({
      status: 'KNOWN',
      email: 'camille@example.org',
      firstName: 'Camille',
      language: 'en',
    });
    spec
      .given([awaiting('n-1'), recorded({})])
      .when(awaitContact('n-1'))
      .thenNothing();
  });
});

describe('candidacy link', () => {
  const spec = deciderSpec(candidacyLinkDecider);
  const link = (recipientId: string): LinkCandidacy => ({
    type: 'LinkCandidacy',
    data: { candidacyId: 'c-1', recipientId },
    metadata,
  });
  const linked = {
    type: 'CandidacyLinkedToRecipient' as const,
    data: { candidacyId: 'c-1', recipientId: 'cand-1', linkedAt: metadata.now.toISOString() },
  };

  it('links a candidacy to its candidate once', () => {
    spec.given([]).when(link('cand-1')).then([linked]);
    spec.given([linked]).when(link('cand-1')).thenNothing();
    spec.given([linked]).when(link('cand-2')).thenThrows(ValidationError);
  });
});
