import type { EventContract } from './contract';

/** The events the mobility service publishes, as other services and campus systems read them. */
export const mobilityContracts: readonly EventContract[] = [];
