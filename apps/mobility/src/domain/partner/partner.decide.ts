import {
  assertNever,
  compareDates,
  Decider,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  INPUT,
} from '@admissions/domain-kernel';
import { fromIsoDate, isCalendarDate, toIsoDate } from '../shared/iso-date';
import { MobilityRole, requireRole } from '../shared/roles';
import {
  AGREEMENT_KINDS,
  AgreementTerms,
  ChangePartner,
  PartnerCommand,
  PartnerDetails,
  RegisterPartner,
} from './partner.commands';
import { AgreementRecord, PartnerEvent } from './partner.events';
import { initialPartnerState, PartnerState } from './partner.state';

const PARTNER_MANAGERS = [MobilityRole.InternationalOffice, MobilityRole.Admin] as const;

export function decidePartner(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  switch (command.type) {
    case 'RegisterPartner':
      return registerPartner(command, state);
    case 'ChangePartner':
      return changePartner(command, state);
    default:
      return assertNever(command);
  }
}

function registerPartner(command: RegisterPartner, state: PartnerState): PartnerEvent[] {
  requireRole(command.metadata.actor, PARTNER_MANAGERS, 'Registering a partner');
  if (state.status !== 'unregistered') {
    throw new IllegalStateError(`Partner ${command.data.partnerId} is already registered`, INPUT);
  }
  const { partnerId, name, country, agreements } = command.data;
  validateDetails({ name, country, agreements });
  return [
    {
      type: 'PartnerRegistered',
      data: {
        partnerId,
        name: name.trim(),
        country,
        agreements: agreements.map(toRecord),
        registeredBy: command.metadata.actor.id,
        registeredAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

function changePartner(command: ChangePartner, state: PartnerState): PartnerEvent[] {
  requireRole(command.metadata.actor, PARTNER_MANAGERS, 'Changing a partner');
  if (state.status !== 'registered') throw new NotFoundError(`Partner ${command.data.partnerId} not found`, INPUT);
  const next: PartnerDetails = {
    name: command.data.name?.trim() ?? state.name,
    country: command.data.country ?? state.country,
    agreements: command.data.agreements ?? state.agreements,
  };
  validateDetails(next);
  const records = next.agreements.map(toRecord);
  const unchanged =
    next.name === state.name &&
    next.country === state.country &&
    JSON.stringify(records) === JSON.stringify(state.agreements.map(toRecord));
  if (unchanged) return [];
  const { actor, now } = command.metadata;
  return [
    {
      type: 'PartnerChanged',
      data: {
        partnerId: state.partnerId,
        ...next,
        agreements: records,
        changedBy: actor.id,
        changedAt: now.toISOString(),
      },
    },
  ];
}

function validateDetails(details: PartnerDetails): void {
  if (details.name.trim() === '') throw new ValidationError('The partner needs a name', INPUT, 'name');
  if (!/^[A-Z]{2}$/.test(details.country)) {
    throw new ValidationError('The country is an ISO 3166-1 alpha-2 code (e.g. DE)', INPUT, 'country');
  }
  const kinds = details.agreements.map((agreement) => agreement.kind);
  if (new Set(kinds).size !== kinds.length) {
    throw new ValidationError('At most one agreement of each kind per partner', INPUT, 'agreements');
  }
  details.agreements.forEach(validateAgreement);
}

function validateAgreement(agreement: AgreementTerms, index: number): void {
  const field = `agreements[${index}]`;
  if (!(AGREEMENT_KINDS as readonly string[]).includes(agreement.kind)) {
    throw new ValidationError(`Unknown agreement kind ${String(agreement.kind)}`, INPUT, `${field}.kind`);
  }
  if (!Number.isInteger(agreement.placesPerAcademicYear) || agreement.placesPerAcademicYear < 1) {
    throw new ValidationError(
      'Places per academic year is a positive whole number',
      INPUT,
      `${field}.placesPerAcademicYear`,
    );
  }
  if (!isCalendarDate(agreement.startsOn) || !isCalendarDate(agreement.endsOn)) {
    throw new ValidationError('Agreement dates must be real calendar dates', INPUT, field);
  }
  if (compareDates(agreement.endsOn, agreement.startsOn) < 0) {
    throw new ValidationError('An agreement cannot end before it starts', INPUT, `${field}.endsOn`);
  }
}

const toRecord = (agreement: AgreementTerms): AgreementRecord => ({
  kind: agreement.kind,
  placesPerAcademicYear: agreement.placesPerAcademicYear,
  startsOn: toIsoDate(agreement.startsOn),
  endsOn: toIsoDate(agreement.endsOn),
});

const fromRecord = (record: AgreementRecord): AgreementTerms => ({
  kind: record.kind,
  placesPerAcademicYear: record.placesPerAcademicYear,
  startsOn: fromIsoDate(record.startsOn),
  endsOn: fromIsoDate(record.endsOn),
});

export function evolvePartner(_state: PartnerState, event: PartnerEvent): PartnerState {
  switch (event.type) {
    case 'PartnerRegistered':
    case 'PartnerChanged': {
      const { partnerId, name, country, agreements } = event.data;
      return {
        status: 'registered',
        partnerId,
        name,
        country,
        agreements: agreements.map(fromRecord),
      };
    }
    default:
      return assertNever(event);
  }
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: initialPartnerState,
  decide: decidePartner,
  evolve: evolvePartner,
};
