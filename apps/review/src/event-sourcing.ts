import { candidacyContracts, reviewContracts } from '@admissions/contracts';
import { loadEnv, type EventSourcingOptions } from '@admissions/platform';
import { ReviewRetention } from './application/review-retention';
import { ReviewEnv } from './config';
import { reviewViews } from './projections/review-view.projection';

/** What the review service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'review',
  // What it reads from the candidacy service (validated on arrival) and what it publishes.
  contracts: [...candidacyContracts, ...reviewContracts],
  projections: [reviewViews],
  retention: ({ db, env }) => new ReviewRetention(db, loadEnv(ReviewEnv, env, 'review').RETENTION_NOT_ADMITTED_MONTHS),
} as const satisfies EventSourcingOptions;
