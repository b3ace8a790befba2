import type { EventContract } from './contract';

/** The events the review service publishes, as other services and campus systems read them. */
export const reviewContracts: readonly EventContract[] = [];
