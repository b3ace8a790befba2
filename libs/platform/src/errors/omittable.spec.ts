import { IsString } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { Omittable } from './omittable';
import { RequestValidationError } from './problem-details';

class ChangeDto {
  @Omittable()
  @IsString()
  name?: string;
}

const validate = (body: unknown) =>
  createValidationPipe().transform(body, { type: 'body', metatype: ChangeDto, data: undefined });

describe('Omittable', () => {
  it('lets the field be left out', async () => {
    await expect(validate({})).resolves.toEqual({});
  });

  it('refuses null, naming the field (IsOptional let it through to the handler)', async () => {
    const refusal = await validate({ name: null }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestValidationError);
    expect((refusal as RequestValidationError).errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it('validates a value that is given', async () => {
    await expect(validate({ name: 'Politecnico di Milano' })).resolves.toEqual({ name: 'Politecnico di Milano' });
  });
});
