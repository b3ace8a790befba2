import { ConcurrencyError, ForbiddenError, IllegalStateError, INPUT, NotFoundError, ValidationError } from './errors';

describe('domain errors: every refusal names a rule of RULES.md or INPUT', () => {
  it('a refusal under a rule carries its id and field; an INPUT refusal carries no rule id', () => {
    expect(new IllegalStateError('no free seat', 'JURY-5', 'decision')).toMatchObject({
      kind: 'illegal-state',
      ruleId: 'JURY-5',
      field: 'decision',
      name: 'IllegalStateError',
    });
    for (const refusal of [
      new ValidationError('programmeCode is required', INPUT, 'programmeCode'),
      new NotFoundError('session not found', INPUT),
      new ForbiddenError('only the jury may do this', INPUT),
    ]) {
      expect(refusal.ruleId).toBeUndefined();
    }
    expect(new ConcurrencyError('stream moved').ruleId).toBeUndefined();
  });

  it('refuses, at type checking, a basis that is neither a RULES.md id nor INPUT, and a missing one', () => {
    // @ts-expect-error JURY-6 is not a rule of RULES.md
    const unknownRule = new IllegalStateError('no such rule', 'JURY-6');
    // @ts-expect-error a refusal names its basis
    const unnamed = new ValidationError('no basis');
    // What the type checker stops would reach the client as a rule id nobody can look up.
    expect([unknownRule.ruleId, unnamed.ruleId]).toEqual(['JURY-6', undefined]);
  });
});
