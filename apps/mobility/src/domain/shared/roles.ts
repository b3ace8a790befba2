import { Actor, ForbiddenError, INPUT } from '@admissions/domain-kernel';

/**
 * Staff roles the mobility service knows. The study advisor ("conseiller d'études", MOB-5) has a
 * role of its own; checking that the advisor belongs to the student's track is left to the
 * identity provider that grants the role (the actor carries no track).
 */
export const MobilityRole = {
  Admin: 'admin',
  InternationalOffice: 'international-office', // DRI
  TrainingDirectorate: 'training-directorate', // DFI
  StudyAdvisor: 'study-advisor',
} as const;

export type MobilityRole = (typeof MobilityRole)[keyof typeof MobilityRole];

export function hasAnyRole(actor: Actor, allowed: readonly MobilityRole[]): boolean {
  return actor.roles.some((role) => (allowed as readonly string[]).includes(role));
}

/** Throws ForbiddenError unless the actor holds one of the allowed roles. */
export function requireRole(actor: Actor, allowed: readonly MobilityRole[], action: string): void {
  if (!hasAnyRole(actor, allowed)) {
    throw new ForbiddenError(`${action} needs one of the roles ${allowed.join(', ')}`, INPUT);
  }
}
