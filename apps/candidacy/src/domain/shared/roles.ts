import { Actor } from '@admissions/domain-kernel';

/** Roles that may act on any candidate's file and manage programmes. */
export const STAFF_ROLES: readonly string[] = ['admissions-officer', 'admin'];

export const isStaff = (actor: Actor): boolean => actor.roles.some((role) => STAFF_ROLES.includes(role));
