import type { Actor } from '@admissions/domain-kernel';

/** Who the process managers, send jobs and deadlines act as. */
export const SYSTEM_ACTOR: Actor = { id: 'system:notification', roles: ['admin'] };

/** What a write caused by an incoming event carries: the event as causation (idempotency). */
export interface Causation {
  readonly correlationId: string;
  readonly causationId?: string;
}
