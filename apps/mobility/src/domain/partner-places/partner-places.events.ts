import { DomainEvent } from '@admissions/domain-kernel';
import { PlaceKind, PlaceReleaseReason } from './partner-places.commands';

type LedgerEvent<Type extends string, Data> = DomainEvent<
  Type,
  Data & {
    readonly partnerId: string;
    readonly academicYear: string;
    readonly planId: string;
    readonly agreementKind: PlaceKind;
  }
>;

/** Stream `partner-places-<partnerId>-<academicYear>`: the places of one partner for one year. */
export type PartnerPlaceClaimed = LedgerEvent<
  'PartnerPlaceClaimed',
  {
    readonly planVersion: number;
    readonly placesPerAcademicYear: number;
    readonly claimedBy: string;
    readonly claimedAt: string;
  }
>;
export type PartnerPlaceReleased = LedgerEvent<
  'PartnerPlaceReleased',
  { readonly reason: PlaceReleaseReason; readonly releasedBy: string; readonly releasedAt: string }
>;

export type PartnerPlacesEvent = PartnerPlaceClaimed | PartnerPlaceReleased;
