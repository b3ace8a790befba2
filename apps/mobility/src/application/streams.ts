/** Stream ids follow `<aggregate>-<id>` (docs/service-guide.md). */
export const partnerStreamId = (partnerId: string): string => `partner-${partnerId}`;
export const planStreamId = (planId: string): string => `mobility-plan-${planId}`;

/** MOB-10: the places of one partner for one academic year. */
export const partnerPlacesStreamId = (partnerId: string, academicYear: string): string =>
  `partner-places-${partnerId}-${academicYear}`;

export const studentContactStreamId = (studentId: string): string => `student-contact-${studentId}`;
