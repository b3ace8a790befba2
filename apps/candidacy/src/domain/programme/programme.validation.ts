import { ValidationError, parseCalendarDate, startOfParisDay, INPUT } from '@admissions/domain-kernel';
import { requireCalendarDate, requireInstant, requireInteger, requireOneOf, requireText } from '../shared/field-rules';
import { INTAKES, INTAKE_MONTH, ProgrammeDetails } from './programme.types';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/** Checks and normalises every field; the first refusal names its field. */
export function validateProgramme(details: ProgrammeDetails): ProgrammeDetails {
  const code = requireText(details.code, 'code', 32);
  if (!CODE.test(code)) throw new ValidationError('code must be 2-32 of A-Z, 0-9 and -', INPUT, 'code');
  const intake = requireOneOf(details.intake, INTAKES, 'intake', 'CAND-4');
  const intakeDate = requireCalendarDate(details.intakeDate, 'intakeDate', 'CAND-4');
  if (parseCalendarDate(intakeDate)?.month !== INTAKE_MONTH[intake]) {
    throw new ValidationError(`intakeDate must fall in ${intake}`, 'CAND-4', 'intakeDate');
  }
  return {
    code,
    nameFr: requireText(details.nameFr, 'nameFr'),
    nameEn: requireText(details.nameEn, 'nameEn'),
    places: requireInteger(details.places, 'places', 1, 10_000, 'CAND-4'),
    intake,
    intakeDate,
    applicationWindow: validateWindow(details.applicationWindow, intakeDate),
    pedagogicalLeadId: requireText(details.pedagogicalLeadId, 'pedagogicalLeadId', 100),
  };
}

function validateWindow(window: ProgrammeDetails['applicationWindow'], intakeDate: string) {
  if (typeof window !== 'object' || window === null) {
    throw new ValidationError('applicationWindow is required', INPUT, 'applicationWindow');
  }
  const opensAt = requireInstant(window.opensAt, 'applicationWindow.opensAt');
  const closesAt = requireInstant(window.closesAt, 'applicationWindow.closesAt');
  if (Date.parse(closesAt) <= Date.parse(opensAt)) {
    throw new ValidationError('the window must close after it opens', INPUT, 'applicationWindow.closesAt');
  }
  const intakeDay = parseCalendarDate(intakeDate);
  if (intakeDay && Date.parse(closesAt) >= startOfParisDay(intakeDay).getTime()) {
    throw new ValidationError('the window must close before the intake date', 'CAND-4', 'applicationWindow.closesAt');
  }
  return { opensAt, closesAt };
}
