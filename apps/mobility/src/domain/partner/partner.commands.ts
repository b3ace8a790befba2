import { CalendarDate, Command } from '@admissions/domain-kernel';

/** The kinds of agreement a partner institution may sign with the school (MOB-3, MOB-4, MOB-5). */
export const AGREEMENT_KINDS = ['DOUBLE_DEGREE', 'EXCHANGE', 'MASTER'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export interface AgreementTerms {
  readonly kind: AgreementKind;
  readonly placesPerAcademicYear: number;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
}

export interface PartnerDetails {
  readonly name: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  readonly agreements: readonly AgreementTerms[];
}

export type RegisterPartner = Command<'RegisterPartner', PartnerDetails & { readonly partnerId: string }>;

/** Replaces the partner's details; fields left out keep their current value. */
export type ChangePartner = Command<'ChangePartner', Partial<PartnerDetails> & { readonly partnerId: string }>;

export type PartnerCommand = RegisterPartner | ChangePartner;
