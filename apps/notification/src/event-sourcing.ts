import type { EventSourcingOptions } from '@admissions/platform';
import { serviceContracts } from './infrastructure/consumed-contracts';
import { projections } from './projections';

/** What the notification service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'notification',
  contracts: serviceContracts(),
  projections: [...projections],
} as const satisfies EventSourcingOptions;
