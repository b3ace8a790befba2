import { createValidationPipe } from './validation.pipe';
import { inputShapeProblem, MAX_INPUT_DEPTH } from './input-shape';
import { RequestValidationError } from './problem-details';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('inputShapeProblem', () => {
  it('accepts a request of ordinary shape and text', () => {
    expect(
      inputShapeProblem({ diplomas: [{ title: 'Master 1 Informatique 🎓', year: 2024 }], notes: 'e\u0301' }),
    ).toBeUndefined();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });

  it('names the field where the input nests too deep, without overflowing on 100,000 levels', () => {
    expect(inputShapeProblem({ conclusive: nested(MAX_INPUT_DEPTH) })?.field).toMatch(/^conclusive/);
    expect(inputShapeProblem({ a: nested(100_000) })).toMatchObject({
      message: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
    });
  });

  it('names the field that holds a lone surrogate or a NUL, in a value or in a key', () => {
    expect(inputShapeProblem({ personal: { firstName: 'Ana\uD800' } })?.field).toBe('personal.firstName');
    expect(inputShapeProblem({ diplomas: [{ title: 'a\u0000b' }] })?.field).toBe('diplomas[0].title');
    expect(inputShapeProblem({ notes: { '\uDC00': 1 } })?.field).toBe('notes');
    expect(inputShapeProblem('\u0000')?.field).toBe('body');
  });
});

describe('the validation pipe', () => {
  // Found by e2e/fuzz.e2e-spec.ts: 1,387 nested arrays in a boolean field answered 500.
  it('refuses deep JSON with a 400 naming the field before class-transformer walks it', async () => {
    class Outcome {
      conclusive!: boolean;
    }
    const pipe = createValidationPipe();
    const refusal = await pipe
      .transform({ conclusive: nested(100_000) }, { type: 'body', metatype: Outcome })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestValidationError);
    expect((refusal as RequestValidationError).errors[0].field).toMatch(/^conclusive/);
  });

  it('names the path parameter that holds a NUL', async () => {
    const refusal = await createValidationPipe()
      .transform('abc\u0000', { type: 'param', data: 'candidacyId', metatype: String })
      .catch((error: unknown) => error);
    expect((refusal as RequestValidationError).errors).toEqual([
      { field: 'candidacyId', message: 'must be well-formed Unicode text without NUL characters' },
    ]);
  });
});
