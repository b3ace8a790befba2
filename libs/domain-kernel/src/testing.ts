import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import { Command, Decider, DomainEvent, foldEvents } from './decider';
import { DomainError } from './errors';

/**
 * given events / when command / then events-or-error, for any Decider. Framework-agnostic (it
 * throws node's AssertionError, which every test runner reports with a diff), so it compiles and
 * loads without jest types and can live in the kernel.
 *
 *   spec.given([opened]).when(submit).then([submitted]);
 *   spec.given([]).when(submit).thenThrows(NotFoundError, { ruleId: 'CAND-1' });
 */
export interface ExpectedError {
  readonly ruleId?: string;
  readonly field?: string;
  readonly message?: RegExp;
}

export interface DeciderThen<E extends DomainEvent> {
  /** The command answers exactly these events (deep, strict equality). */
  then(expected: readonly E[]): void;
  /** The command is accepted and changes nothing (an idempotent retry). */
  thenNothing(): void;
  /** The command is refused with this error type and, when given, this rule id, field or message. */
  thenThrows(type: abstract new (...args: never[]) => DomainError, expected?: ExpectedError): void;
  /** The events, for assertions the helpers above do not cover. */
  events(): E[];
}

export interface DeciderSpecification<C extends Command, E extends DomainEvent> {
  given(events: readonly E[]): { when(command: C): DeciderThen<E> };
}

export function deciderSpec<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
): DeciderSpecification<C, E> {
  return {
    given: (history) => ({
      when: (command) => {
        const run = () => decider.decide(command, foldEvents(decider, history));
        return {
          then: (expected) => deepStrictEqual(run(), expected),
          thenNothing: () => deepStrictEqual(run(), []),
          thenThrows: (type, expected = {}) => assertThrows(run, type, expected),
          events: run,
        };
      },
    }),
  };
}

function assertThrows(
  run: () => unknown,
  type: abstract new (...args: never[]) => DomainError,
  expected: ExpectedError,
): void {
  let produced: unknown;
  try {
    produced = run();
  } catch (error: unknown) {
    if (!(error instanceof type)) {
      throw new AssertionError({ message: `expected ${type.name}, got ${String(error)}`, actual: error });
    }
    if (expected.ruleId !== undefined) deepStrictEqual(error.ruleId, expected.ruleId, `ruleId of "${error.message}"`);
    if (expected.field !== undefined) deepStrictEqual(error.field, expected.field, `field of "${error.message}"`);
    if (expected.message && !expected.message.test(error.message)) {
      throw new AssertionError({ message: `message "${error.message}" does not match ${String(expected.message)}` });
    }
    return;
  }
  throw new AssertionError({ message: `expected ${type.name}, but the command answered events`, actual: produced });
}
