/**
 * The few typed errors a decider may throw. Each carries the rule it enforces (RULES.md id) or
 * the field it refuses, so the API edge can answer a 4xx that names it; nothing below the API
 * knows about HTTP.
 */
export type DomainErrorKind = 'validation' | 'not-found' | 'illegal-state' | 'forbidden' | 'conflict';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly ruleId?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command's data breaks a rule or a field constraint. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
}

/** The aggregate does not exist, or the actor may not know that it does. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The command is well formed but the aggregate's state refuses it now. */
export class IllegalStateError extends DomainError {
  readonly kind = 'illegal-state';
}

/** The actor is known but has no right to this command. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Another writer changed the aggregate first; the caller may reload and retry. */
export class ConcurrencyError extends DomainError {
  readonly kind = 'conflict';
}

/** Compile-time guarantee that a switch over a union handles every member. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
