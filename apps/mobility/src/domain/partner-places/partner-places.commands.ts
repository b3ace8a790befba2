import { Command } from '@admissions/domain-kernel';

/** MOB-10: the agreements whose places per academic year are counted. */
export type PlaceKind = 'DOUBLE_DEGREE' | 'EXCHANGE';

/** Why a plan gave its place back. */
export type PlaceReleaseReason = 'REFUSED' | 'CANCELLED' | 'CHANGED' | 'NOT_APPROVED';

interface LedgerRef {
  readonly partnerId: string;
  readonly academicYear: string;
  readonly planId: string;
}

/**
 * The international office's approval takes a place for the plan; `planVersion` is the plan's
 * stream version the approval is decided on, so a claim whose plan moved on can be told stale.
 */
export type ClaimPlace = Command<
  'ClaimPlace',
  LedgerRef & {
    readonly agreementKind: PlaceKind;
    readonly placesPerAcademicYear: number;
    readonly planVersion: number;
  }
>;
export type ReleasePlace = Command<'ReleasePlace', LedgerRef & { readonly reason: PlaceReleaseReason }>;

export type PartnerPlacesCommand = ClaimPlace | ReleasePlace;
