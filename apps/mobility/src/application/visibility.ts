import type { Actor } from '@admissions/domain-kernel';
import { hasAnyRole, MobilityRole } from '../domain';

const STAFF = [
  MobilityRole.Admin,
  MobilityRole.InternationalOffice,
  MobilityRole.TrainingDirectorate,
  MobilityRole.StudyAdvisor,
] as const;

export const isStaff = (actor: Actor): boolean => hasAnyRole(actor, STAFF);

/**
 * Staff see every student's mobility; a student sees their own only. The caller answers "not
 * found" otherwise, so that a student cannot even learn that another's plan exists.
 */
export const maySee = (actor: Actor, studentId: string): boolean => isStaff(actor) || actor.id === studentId;
