import type { EventContract } from './contract';

/** The events the jury service publishes, as other services and campus systems read them. */
export const juryContracts: readonly EventContract[] = [];
