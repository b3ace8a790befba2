import type { EventContract } from './contract';

/** The events the notification service publishes, as other services and campus systems read them. */
export const notificationContracts: readonly EventContract[] = [];
