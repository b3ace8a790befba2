import { DomainEvent } from '@admissions/domain-kernel';
import { IsoDate } from '../shared/iso-date';
import { AgreementKind } from './partner.commands';

export interface AgreementRecord {
  readonly kind: AgreementKind;
  readonly placesPerAcademicYear: number;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
}

export interface PartnerSnapshotData {
  readonly partnerId: string;
  readonly name: string;
  readonly country: string;
  readonly agreements: readonly AgreementRecord[];
}

export type PartnerRegistered = DomainEvent<
  'PartnerRegistered',
  PartnerSnapshotData & {
    readonly registeredBy: string;
    readonly registeredAt: string;
  }
>;

/** Carries the full new details, so a reader never needs the previous event to know the partner. */
export type PartnerChanged = DomainEvent<
  'PartnerChanged',
  PartnerSnapshotData & {
    readonly changedBy: string;
    readonly changedAt: string;
  }
>;

export type PartnerEvent = PartnerRegistered | PartnerChanged;
