import type { EventSourcingOptions } from '@admissions/platform';
import { serviceContracts } from './infrastructure/consumed-contracts';
import { projections } from './projections';

/** What the notification service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'notification',
  contracts: serviceContracts(),
  projections: [...projections],
  // One document listing every pending send, replaced by rm_pending_sends (one per notification).
  retiredReadModels: ['rm_send_backlog'],
} as const satisfies EventSourcingOptions;
