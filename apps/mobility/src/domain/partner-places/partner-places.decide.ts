import { assertNever, compareDates, Decider, IllegalStateError } from '@admissions/domain-kernel';
import { AgreementTerms } from '../partner/partner.commands';
import { MobilityKind } from '../mobility-plan/mobility-plan.types';
import { ClaimPlace, PartnerPlacesCommand, PlaceKind, ReleasePlace } from './partner-places.commands';
import { PartnerPlacesEvent } from './partner-places.events';

export interface PlaceHolder {
  readonly planId: string;
  readonly agreementKind: PlaceKind;
  readonly planVersion: number;
}

export interface PartnerPlacesState {
  readonly holders: readonly PlaceHolder[];
}

/** MOB-10: a double degree draws on the DOUBLE_DEGREE agreement, an exchange on EXCHANGE; others hold no place. */
export function placeKindOf(kind: MobilityKind): PlaceKind | null {
  switch (kind) {
    case 'DOUBLE_DEGREE':
      return 'DOUBLE_DEGREE';
    case 'EXCHANGE_SEMESTER':
    case 'EXCHANGE_TWO_SEMESTERS':
      return 'EXCHANGE';
    case 'MASTER_ABROAD':
    case 'SUMMER_STAY':
    case 'SUMMER_INTERNSHIP':
    case 'FIRST_YEAR_HUMAN_INTERNSHIP':
    case 'FINAL_INTERNSHIP':
      return null;
    default:
      return assertNever(kind);
  }
}

/** An agreement counts for an academic year (1 Sept → 31 Aug) when it is in force on any of its days. */
export function inForceDuring(agreement: AgreementTerms, academicYear: string): boolean {
  const first = Number(academicYear.slice(0, 4));
  const yearStart = { year: first, month: 9, day: 1 };
  const yearEnd = { year: first + 1, month: 8, day: 31 };
  return compareDates(agreement.startsOn, yearEnd) <= 0 && compareDates(agreement.endsOn, yearStart) >= 0;
}

/** The places of the agreement of that kind in force for the academic year; none in force: 0. */
export function placesFor(agreements: readonly AgreementTerms[], kind: PlaceKind, academicYear: string): number {
  const inForce = agreements.filter((a) => a.kind === kind && inForceDuring(a, academicYear));
  return Math.max(0, ...inForce.map((a) => a.placesPerAcademicYear));
}

/** MOB-10: a claim beyond the agreement's places for the year is refused; a plan holds one place at most. */
function claim(command: ClaimPlace, state: PartnerPlacesState): PartnerPlacesEvent[] {
  const { data, metadata } = command;
  const held = state.holders.find((h) => h.planId === data.planId);
  if (held?.agreementKind === data.agreementKind && held.planVersion === data.planVersion) return [];
  const others = state.holders.filter((h) => h.planId !== data.planId && h.agreementKind === data.agreementKind);
  if (others.length >= data.placesPerAcademicYear) {
    throw new IllegalStateError(
      `MOB-10: partner ${data.partnerId} has no ${data.agreementKind} place left for ${data.academicYear} ` +
        `(${others.length} of ${data.placesPerAcademicYear} taken)`,
      'MOB-10',
    );
  }
  const ref = { partnerId: data.partnerId, academicYear: data.academicYear, planId: data.planId };
  const at = metadata.now.toISOString();
  // A claim made for an earlier version of the plan is given back before the new one is taken.
  const replaced: PartnerPlacesEvent[] = held
    ? [
        {
          type: 'PartnerPlaceReleased',
          data: {
            ...ref,
            agreementKind: held.agreementKind,
            reason: 'CHANGED',
            releasedBy: metadata.actor.id,
            releasedAt: at,
          },
        },
      ]
    : [];
  return [
    ...replaced,
    {
      type: 'PartnerPlaceClaimed',
      data: {
        ...ref,
        agreementKind: data.agreementKind,
        planVersion: data.planVersion,
        placesPerAcademicYear: data.placesPerAcademicYear,
        claimedBy: metadata.actor.id,
        claimedAt: at,
      },
    },
  ];
}

/** Giving back a place the plan does not hold changes nothing, so a release may be repeated. */
function release(command: ReleasePlace, state: PartnerPlacesState): PartnerPlacesEvent[] {
  const { data, metadata } = command;
  const held = state.holders.find((h) => h.planId === data.planId);
  if (!held) return [];
  return [
    {
      type: 'PartnerPlaceReleased',
      data: {
        partnerId: data.partnerId,
        academicYear: data.academicYear,
        planId: data.planId,
        agreementKind: held.agreementKind,
        reason: data.reason,
        releasedBy: metadata.actor.id,
        releasedAt: metadata.now.toISOString(),
      },
    },
  ];
}

export function decidePartnerPlaces(command: PartnerPlacesCommand, state: PartnerPlacesState): PartnerPlacesEvent[] {
  switch (command.type) {
    case 'ClaimPlace':
      return claim(command, state);
    case 'ReleasePlace':
      return release(command, state);
    default:
      return assertNever(command);
  }
}

export function evolvePartnerPlaces(state: PartnerPlacesState, event: PartnerPlacesEvent): PartnerPlacesState {
  const others = state.holders.filter((h) => h.planId !== event.data.planId);
  switch (event.type) {
    case 'PartnerPlaceClaimed': {
      const { planId, agreementKind, planVersion } = event.data;
      return { holders: [...others, { planId, agreementKind, planVersion }] };
    }
    case 'PartnerPlaceReleased':
      return { holders: others };
    default:
      return assertNever(event);
  }
}

export const partnerPlacesDecider: Decider<PartnerPlacesCommand, PartnerPlacesEvent, PartnerPlacesState> = {
  initialState: () => ({ holders: [] }),
  decide: decidePartnerPlaces,
  evolve: evolvePartnerPlaces,
};
