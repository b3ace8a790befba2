import { AgreementTerms } from './partner.commands';

export interface RegisteredPartner {
  readonly status: 'registered';
  readonly partnerId: string;
  readonly name: string;
  readonly country: string;
  readonly agreements: readonly AgreementTerms[];
}

export type PartnerState = { readonly status: 'unregistered' } | RegisteredPartner;

export const initialPartnerState = (): PartnerState => ({
  status: 'unregistered',
});
