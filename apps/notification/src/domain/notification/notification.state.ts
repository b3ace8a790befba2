import { assertNever } from '@admissions/domain-kernel';
import type { NotificationEvent } from './notification.events';
import type { Language, NotificationKind } from './notification-kind';

export interface KnownNotification {
  readonly status: 'PENDING' | 'SENT' | 'FAILED';
  readonly notificationId: string;
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly language: Language;
  readonly title: string;
  readonly body: string;
  /** 0 for the first sending, +1 per retry (staff's, or once a missing contact arrived): one send job each. */
  readonly round: number;
  readonly read: boolean;
}

export type NotificationState = { readonly status: 'NONE' } | KnownNotification;

export const initialNotificationState = (): NotificationState => ({ status: 'NONE' });

export function evolveNotification(state: NotificationState, event: NotificationEvent): NotificationState {
  switch (event.type) {
    case 'NotificationRequested': {
      const { notificationId, recipientId, kind, language, title, body } = event.data;
      return { status: 'PENDING', notificationId, recipientId, kind, language, title, body, round: 0, read: false };
    }
    case 'NotificationSent':
      return state.status === 'NONE' ? state : { ...state, status: 'SENT' };
    case 'NotificationFailed':
      return state.status === 'NONE' ? state : { ...state, status: 'FAILED' };
    case 'NotificationRetried':
      return state.status === 'NONE' ? state : { ...state, status: 'PENDING', round: event.data.round };
    case 'NotificationRead':
      return state.status === 'NONE' ? state : { ...state, read: true };
    default:
      return assertNever(event);
  }
}
