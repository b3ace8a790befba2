import { mobilityContracts } from '@admissions/contracts';
import type { EventSourcingOptions } from '@admissions/platform';
import { mobilityProjections } from './projections';

/** What the mobility service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'mobility',
  contracts: mobilityContracts,
  projections: mobilityProjections,
} as const satisfies EventSourcingOptions;
