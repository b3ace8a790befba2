/** Everyone who acts on the platform, as the `roles` claim of their token names them. */
export const ROLES = [
  'candidate',
  'admissions-officer',
  'pedagogical-lead',
  'jury-member',
  'rectorate-officer',
  'student',
  'international-office',
  'training-directorate',
  'study-advisor',
  'admin',
  // Reads the access journal of candidates' files (who read which, when); acts on nothing else.
  'data-protection-officer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
