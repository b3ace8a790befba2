import { INPUT, parseCalendarDate, type RefusalBasis, ValidationError } from '@admissions/domain-kernel';

/**
 * Field checks shared by the candidacy service's deciders. Each refusal is a ValidationError
 * that names the field (and the rule id when a RULES.md rule demands the constraint).
 */
export function requireText(value: unknown, field: string, maxLength = 200, ruleId: RefusalBasis = INPUT): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ValidationError(`${field} is required`, ruleId, field);
  }
  const text = value.trim();
  if (text.length > maxLength) throw new ValidationError(`${field} exceeds ${maxLength} characters`, ruleId, field);
  return text;
}

export function requireInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  ruleId: RefusalBasis = INPUT,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${field} must be an integer from ${min} to ${max}`, ruleId, field);
  }
  return value;
}

export function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  ruleId: RefusalBasis = INPUT,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new ValidationError(`${field} must be one of ${allowed.join(', ')}`, ruleId, field);
  return found;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with its offset, normalised to UTC `...Z` (parsing, never the clock). */
export function requireInstant(value: unknown, field: string, ruleId: RefusalBasis = INPUT): string {
  const millis = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) throw new ValidationError(`${field} must be an ISO-8601 instant`, ruleId, field);
  return new Date(millis).toISOString();
}

/** A calendar date YYYY-MM-DD that exists. */
export function requireCalendarDate(value: unknown, field: string, ruleId: RefusalBasis = INPUT): string {
  if (typeof value !== 'string' || !parseCalendarDate(value)) {
    throw new ValidationError(`${field} must be a calendar date YYYY-MM-DD`, ruleId, field);
  }
  return value;
}

/** Structural equality of plain JSON values built by the deciders (same key order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
