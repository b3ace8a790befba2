import type { Actor } from '@admissions/domain-kernel';

/** Stream ids follow `<aggregate>-<id>` (docs/service-guide.md). */
export const partnerStreamId = (partnerId: string): string => `partner-${partnerId}`;
export const planStreamId = (planId: string): string => `mobility-plan-${planId}`;

/** The actor of commands the service gives itself (the demo seed). */
export const SYSTEM_ACTOR: Actor = { id: 'system:mobility', roles: ['admin'] };

/** MOB-10: the places of one partner for one academic year. */
export const partnerPlacesStreamId = (partnerId: string, academicYear: string): string =>
  `partner-places-${partnerId}-${academicYear}`;

export const studentContactStreamId = (studentId: string): string => `student-contact-${studentId}`;
