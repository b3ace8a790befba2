import { BaseEnv } from '@admissions/platform';

/** The notification service's settings: the platform's, with its own default port. */
export class NotificationEnv extends BaseEnv {
  override PORT = 3004;
}
