import { candidacyContracts } from '@admissions/contracts';
import type { EventSourcingOptions } from '@admissions/platform';
import { candidacyProjections } from './projections';

/** What the candidacy service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'candidacy',
  contracts: candidacyContracts,
  projections: candidacyProjections,
} as const satisfies EventSourcingOptions;
