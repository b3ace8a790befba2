import type { EventContract } from './contract';

/** The events the candidacy service publishes, as other services and campus systems read them. */
export const candidacyContracts: readonly EventContract[] = [];
