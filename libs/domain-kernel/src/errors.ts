/**
 * The few typed errors a decider may throw. Each refusal names its basis: the rule it enforces
 * (RULES.md id) or INPUT, and the field it refuses when there is one, so the API edge can answer
 * a 4xx that names them; nothing below the API knows about HTTP.
 */
export type DomainErrorKind = 'validation' | 'not-found' | 'illegal-state' | 'forbidden' | 'conflict';

/**
 * The basis of a refusal that enforces no rule of RULES.md: the request's own input is wrong
 * (a malformed or missing field, an unknown or already taken id, a role the actor lacks, a
 * command that does not apply to this aggregate). Such an error has no `ruleId`, and its
 * problem+json body carries none.
 */
export const INPUT = 'INPUT';

/** The ids of RULES.md, so that a refusal cannot name a rule that does not exist. */
export type RuleId =
  | `ELIG-${1 | 2 | 3 | 4 | 5 | 6}`
  | `CAND-${1 | 2 | 3 | 4}`
  | `REV-${1 | 2 | 3 | 4}`
  | `JURY-${1 | 2 | 3 | 4 | 5}`
  | `REC-${1 | 2 | 3 | 4 | 5 | 6 | 7}`
  | `MOB-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;

/** A rule id of RULES.md (`JURY-4`) or INPUT. */
export type RefusalBasis = RuleId | typeof INPUT;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** The rule refused; absent for an INPUT refusal and a concurrency conflict. */
  readonly ruleId?: RuleId;

  constructor(
    message: string,
    basis?: RefusalBasis,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
    if (basis !== undefined && basis !== INPUT) this.ruleId = basis;
  }
}

/** A command refused: its basis is required, so that no refusal leaves its reason unnamed. */
export abstract class Refusal extends DomainError {
  constructor(message: string, basis: RefusalBasis, field?: string) {
    super(message, basis, field);
  }
}

/** The command's data breaks a rule or a field constraint. */
export class ValidationError extends Refusal {
  readonly kind = 'validation';
}

/** The aggregate does not exist, or the actor may not know that it does. */
export class NotFoundError extends Refusal {
  readonly kind = 'not-found';
}

/** The command is well formed but the aggregate's state refuses it now. */
export class IllegalStateError extends Refusal {
  readonly kind = 'illegal-state';
}

/** The actor is known but has no right to this command. */
export class ForbiddenError extends Refusal {
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
