import { ValidateIf } from 'class-validator';

/**
 * A field the client may leave out, but not send as `null`: class-validator's `@IsOptional()` lets
 * `null` through every other constraint, and code that reads "left out" as `undefined` then meets it.
 * Fields that accept `null` say so with `@IsOptional()` and `nullable: true` in their documentation.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
