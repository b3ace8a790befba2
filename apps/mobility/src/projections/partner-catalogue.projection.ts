import { assertNever } from '@admissions/domain-kernel';
import type { Projection, ReadModel } from '@admissions/projections';
import type { AgreementRecord } from '../domain';
import { asPartnerEvent } from './stored-events';

/** The partner catalogue: about forty documents, listed whole or read by partner id. */
export interface PartnerEntry extends ReadModel {
  readonly partnerId: string;
  readonly name: string;
  readonly country: string;
  readonly agreements: readonly AgreementRecord[];
  readonly registeredAt: string;
  readonly changedAt: string | null;
}

export const partnerCatalogue: Projection<PartnerEntry> = {
  name: 'rm_partners',
  handles: ['PartnerRegistered', 'PartnerChanged'],
  documentsOf: (event) => [asPartnerEvent(event).data.partnerId],
  evolve: (document, stored, id) => {
    const event = asPartnerEvent(stored);
    const { partnerId, name, country, agreements } = event.data;
    switch (event.type) {
      case 'PartnerRegistered':
        return {
          _id: id,
          partnerId,
          name,
          country,
          agreements,
          registeredAt: event.data.registeredAt,
          changedAt: null,
        };
      case 'PartnerChanged':
        return {
          _id: id,
          partnerId,
          name,
          country,
          agreements,
          registeredAt: document?.registeredAt ?? event.data.changedAt,
          changedAt: event.data.changedAt,
        };
      default:
        return assertNever(event);
    }
  },
};
