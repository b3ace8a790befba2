import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { inputShapeProblem } from './input-shape';
import { type FieldProblem, RequestValidationError } from './problem-details';

/** Flattens class-validator's tree into `a.b[0].c: message` entries, one per broken constraint. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** class-validator's pipe, behind a check of the input's shape that no DTO can express (input-shape.ts). */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = inputShapeProblem(value);
      if (problem !== undefined) {
        throw new RequestValidationError([
          { ...problem, field: metadata.type === 'body' ? problem.field : (metadata.data ?? problem.field) },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
