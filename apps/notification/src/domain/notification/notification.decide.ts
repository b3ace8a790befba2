import {
  assertNever,
  type Decider,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  INPUT,
} from '@admissions/domain-kernel';
import { render } from '../templates';
import type {
  MarkNotificationRead,
  NotificationCommand,
  RecordDelivery,
  RecordFailure,
  RequestNotification,
  RetryNotification,
} from './notification.commands';
import type { NotificationEvent } from './notification.events';
import { notificationIdOf } from './notification-kind';
import { evolveNotification, initialNotificationState, type NotificationState } from './notification.state';

/**
 * One stream per (source event, kind): `notification-<eventId>-<kind>`. A duplicate request
 * finds the stream already there and changes nothing, so an event delivered twice owes one
 * message. Delivery outcomes are recorded once per round; JURY-3 and REC-4 messages go through it.
 */
export function decideNotification(command: NotificationCommand, state: NotificationState): NotificationEvent[] {
  switch (command.type) {
    case 'RequestNotification':
      return request(command, state);
    case 'RecordDelivery':
      return recordDelivery(command, state);
    case 'RecordFailure':
      return recordFailure(command, state);
    case 'RetryNotification':
      return retry(command, state);
    case 'MarkNotificationRead':
      return markRead(command, state);
    default:
      return assertNever(command);
  }
}

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = {
  initialState: initialNotificationState,
  decide: decideNotification,
  evolve: evolveNotification,
};

function request({ data, metadata }: RequestNotification, state: NotificationState): NotificationEvent[] {
  if (state.status !== 'NONE') return [];
  const { notificationId, recipientId, language, content, sourceEventId, sourceType } = data;
  if (notificationId !== notificationIdOf(sourceEventId, content.kind)) {
    throw new ValidationError(
      'the notification id must be derived from its source event and kind',
      INPUT,
      'notificationId',
    );
  }
  const { title, body } = render(content, language);
  return [
    {
      type: 'NotificationRequested',
      data: {
        notificationId,
        recipientId,
        kind: content.kind,
        language,
        title,
        body,
        sourceEventId,
        sourceType,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** Accepted by the SMTP server: recorded once; a late report of an earlier round is still the truth. */
function recordDelivery({ data, metadata }: RecordDelivery, state: NotificationState): NotificationEvent[] {
  if (state.status === 'NONE') throw new NotFoundError('no such notification', INPUT);
  if (state.status === 'SENT') return [];
  const { notificationId, recipientId, kind } = state;
  return [
    {
      type: 'NotificationSent',
      data: {
        notificationId,
        recipientId,
        kind,
        round: data.round,
        attempts: data.attempts,
        messageId: data.messageId,
        sentAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** Only the current round's job may fail the notification; a stale one changes nothing. */
function recordFailure({ data, metadata }: RecordFailure, state: NotificationState): NotificationEvent[] {
  if (state.status === 'NONE') throw new NotFoundError('no such notification', INPUT);
  if (state.status !== 'PENDING' || data.round !== state.round) return [];
  const { notificationId, recipientId, kind } = state;
  return [
    {
      type: 'NotificationFailed',
      data: {
        notificationId,
        recipientId,
        kind,
        round: data.round,
        attempts: data.attempts,
        error: data.error,
        failedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function retry({ metadata }: RetryNotification, state: NotificationState): NotificationEvent[] {
  if (state.status === 'NONE') throw new NotFoundError('no such notification', INPUT);
  if (state.status === 'SENT') throw new IllegalStateError('the notification was already sent', INPUT);
  // Already being sent (a double click): nothing more to do.
  if (state.status === 'PENDING') return [];
  const { notificationId, recipientId, kind } = state;
  return [
    {
      type: 'NotificationRetried',
      data: {
        notificationId,
        recipientId,
        kind,
        round: state.round + 1,
        retriedBy: metadata.actor.id,
        retriedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** Only the recipient reads their inbox; to anyone else the item does not exist. */
function markRead({ metadata }: MarkNotificationRead, state: NotificationState): NotificationEvent[] {
  if (state.status === 'NONE' || state.recipientId !== metadata.actor.id) {
    throw new NotFoundError('no such item in your inbox', INPUT);
  }
  if (state.read) return [];
  const { notificationId, recipientId } = state;
  return [{ type: 'NotificationRead', data: { notificationId, recipientId, readAt: metadata.now.toISOString() } }];
}
