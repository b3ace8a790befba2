import { type Actor, deciderSpec, IllegalStateError, NotFoundError, ValidationError } from '@admissions/domain-kernel';
import type { NotificationCommand } from './notification.commands';
import { notificationDecider } from './notification.decide';
import type { NotificationEvent, NotificationRequested } from './notification.events';
import { notificationIdOf } from './notification-kind';

const spec = deciderSpec(notificationDecider);
const SYSTEM: Actor = { id: 'system:notification', roles: ['admin'] };
const CANDIDATE: Actor = { id: 'cand-1', roles: ['candidate'] };
const OFFICER: Actor = { id: 'officer-1', roles: ['admissions-officer'] };
const NOW = new Date('2026-03-15T09:00:00.000Z');
const ID = notificationIdOf('01JQEVENT', 'JURY_DECISION');

const command = (type: NotificationCommand['type'], data: unknown, actor: Actor = SYSTEM) =>
  ({ type, data, metadata: { now: NOW, actor } }) as NotificationCommand;

const request = (language: 'fr' | 'en' = 'fr') =>
  command('RequestNotification', {
    notificationId: ID,
    recipientId: 'cand-1',
    language,
    content: {
      kind: 'JURY_DECISION',
      params: { programmeCode: 'MS-DATA', decision: 'ADMITTED', reason: 'Excellent file.', waitingListRank: null },
    },
    sourceEventId: '01JQEVENT',
    sourceType: 'AdmissionDecided',
  });

const requested = (): NotificationRequested => spec.given([]).when(request()).events()[0] as NotificationRequested;
const failed: NotificationEvent = {
  type: 'NotificationFailed',
  data: {
    notificationId: ID,
    recipientId: 'cand-1',
    kind: 'JURY_DECISION',
    round: 0,
    attempts: 5,
    error: 'ECONNREFUSED',
    failedAt: NOW.toISOString(),
  },
};
const sent: NotificationEvent = {
  type: 'NotificationSent',
  data: {
    notificationId: ID,
    recipientId: 'cand-1',
    kind: 'JURY_DECISION',
    round: 0,
    attempts: 1,
    messageId: `<${ID}@example.org>`,
    sentAt: NOW.toISOString(),
  },
};

describe('notification decider', () => {
  it('JURY-3: the jury decision is owed to the candidate, rendered in their language', () => {
    const [event] = spec.given([]).when(request('en')).events() as NotificationRequested[];
    expect(event.data).toMatchObject({
      notificationId: ID,
      recipientId: 'cand-1',
      kind: 'JURY_DECISION',
      language: 'en',
      title: 'Jury decision: admitted (MS-DATA)',
      requestedAt: NOW.toISOString(),
    });
    expect(event.data.body).toContain('Reason: Excellent file.');
  });

  it('an event delivered twice owes one message', () => {
    spec.given([requested()]).when(request()).thenNothing();
  });

  it('refuses an id that is not derived from the source event and kind', () => {
    const bad = request();
    spec
      .given([])
      .when({ ...bad, data: { ...bad.data, notificationId: 'notification-x' } } as NotificationCommand)
      .thenThrows(ValidationError, { field: 'notificationId' });
  });

  it('records the delivery once: a second report of the same message changes nothing', () => {
    const delivery = command('RecordDelivery', { round: 0, attempts: 1, messageId: `<${ID}@example.org>` });
    spec.given([requested()]).when(delivery).then([sent]);
    spec.given([requested(), sent]).when(delivery).thenNothing();
  });

  it('fails the current round only; a stale job changes nothing', () => {
    spec
      .given([requested()])
      .when(command('RecordFailure', { round: 0, attempts: 5, error: 'ECONNREFUSED' }))
      .then([failed]);
    spec
      .given([requested(), sent])
      .when(command('RecordFailure', { round: 0, attempts: 5, error: 'x' }))
      .thenNothing();
    spec
      .given([requested()])
      .when(command('RecordFailure', { round: 3, attempts: 5, error: 'x' }))
      .thenNothing();
  });

  it('staff retry a failed notification in a new round; not one already sent', () => {
    const retry = command('RetryNotification', {}, OFFICER);
    const [retried] = spec.given([requested(), failed]).when(retry).events();
    expect(retried).toEqual({
      type: 'NotificationRetried',
      data: {
        notificationId: ID,
        recipientId: 'cand-1',
        kind: 'JURY_DECISION',
        round: 1,
        retriedBy: 'officer-1',
        retriedAt: NOW.toISOString(),
      },
    });
    spec.given([requested(), failed, retried]).when(retry).thenNothing();
    spec.given([requested(), sent]).when(retry).thenThrows(IllegalStateError);
    spec.given([]).when(retry).thenThrows(NotFoundError);
  });

  it('only the recipient marks their inbox item read, once', () => {
    const read = command('MarkNotificationRead', {}, CANDIDATE);
    const [event] = spec.given([requested()]).when(read).events();
    expect(event).toEqual({
      type: 'NotificationRead',
      data: { notificationId: ID, recipientId: 'cand-1', readAt: NOW.toISOString() },
    });
    spec.given([requested(), event]).when(read).thenNothing();
    spec
      .given([requested()])
      .when(command('MarkNotificationRead', {}, { id: 'cand-2', roles: ['candidate'] }))
      .thenThrows(NotFoundError);
  });
});
