import { type CalendarDate, parseCalendarDate, ValidationError, INPUT } from '@admissions/domain-kernel';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused, not rolled over). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseCalendarDate(value) !== undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'date'} must be a calendar date written YYYY-MM-DD`,
      },
    });
}

/** A date the DTO already validated with IsIsoDate. */
export function calendarDate(text: string, field: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new ValidationError(`${field} must be a calendar date written YYYY-MM-DD`, INPUT, field);
  return date;
}
