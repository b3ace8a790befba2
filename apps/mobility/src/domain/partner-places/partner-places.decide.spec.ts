import { deciderSpec, IllegalStateError } from '@admissions/domain-kernel';
import { d, dri, NOW, student } from '../mobility-plan/mobility-plan.fixtures';
import { AgreementTerms } from '../partner/partner.commands';
import { ClaimPlace, PartnerPlacesCommand, PlaceKind, ReleasePlace } from './partner-places.commands';
import { PartnerPlacesEvent } from './partner-places.events';
import { partnerPlacesDecider, placeKindOf, placesFor } from './partner-places.decide';

const spec = deciderSpec(partnerPlacesDecider);
const ledger = { partnerId: 'partner-tub', academicYear: '2026-2027' };

const claim = (planId: string, places = 3, agreementKind: PlaceKind = 'EXCHANGE', planVersion = 2): ClaimPlace => ({
  type: 'ClaimPlace',
  data: { ...ledger, planId, agreementKind, placesPerAcademicYear: places, planVersion },
  metadata: { now: NOW, actor: dri },
});
const release = (planId: string, reason: ReleasePlace['data']['reason'] = 'REFUSED'): ReleasePlace => ({
  type: 'ReleasePlace',
  data: { ...ledger, planId, reason },
  metadata: { now: NOW, actor: student },
});

function historyOf(...commands: PartnerPlacesCommand[]): PartnerPlacesEvent[] {
  const events: PartnerPlacesEvent[] = [];
  let state = partnerPlacesDecider.initialState();
  for (const command of commands) {
    const produced = partnerPlacesDecider.decide(command, state);
    state = produced.reduce(partnerPlacesDecider.evolve, state);
    events.push(...produced);
  }
  return events;
}

describe('partner places (MOB-10)', () => {
  it('MOB-10: the international office takes a place while the agreement has one left for the year', () => {
    spec
      .given(historyOf(claim('plan-1'), claim('plan-2')))
      .when(claim('plan-3'))
      .then([
        {
          type: 'PartnerPlaceClaimed',
          data: {
            ...ledger,
            planId: 'plan-3',
            agreementKind: 'EXCHANGE',
            planVersion: 2,
            placesPerAcademicYear: 3,
            claimedBy: dri.id,
            claimedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('MOB-10: a claim beyond the places of the year is refused, naming the partner, the year and the count', () => {
    spec
      .given(historyOf(claim('plan-1'), claim('plan-2'), claim('plan-3')))
      .when(claim('plan-4'))
      .thenThrows(IllegalStateError, {
        ruleId: 'MOB-10',
        message: /partner-tub has no EXCHANGE place left for 2026-2027 \(3 of 3 taken\)/,
      });
  });

  it('MOB-10: double-degree and exchange places are counted apart; no agreement in force means no place', () => {
    const full = historyOf(claim('plan-1', 1, 'EXCHANGE'));
    expect(
      spec
        .given(full)
        .when(claim('plan-2', 1, 'DOUBLE_DEGREE'))
        .events(),
    ).toHaveLength(1);
    spec.given([]).when(claim('plan-1', 0)).thenThrows(IllegalStateError, { ruleId: 'MOB-10' });
  });

  it('MOB-10: a refused or cancelled plan frees its place for the next claim', () => {
    for (const reason of ['REFUSED', 'CANCELLED'] as const) {
      const freed = historyOf(claim('plan-1', 1), release('plan-1', reason));
      expect(freed.at(-1)).toMatchObject({ type: 'PartnerPlaceReleased', data: { planId: 'plan-1', reason } });
      expect(spec.given(freed).when(claim('plan-2', 1)).events()).toHaveLength(1);
    }
  });

  it('MOB-10: a plan holds one place; a repeated claim or a release of no place changes nothing', () => {
    const held = historyOf(claim('plan-1', 1));
    spec.given(held).when(claim('plan-1', 1)).then([]);
    spec.given(held).when(release('plan-2')).then([]);
    spec.given([]).when(release('plan-1')).then([]);
  });

  it('MOB-10: a claim for a newer version of the plan replaces the claim of the older one', () => {
    const events = spec
      .given(historyOf(claim('plan-1', 1, 'EXCHANGE', 2)))
      .when(claim('plan-1', 1, 'EXCHANGE', 5))
      .events();
    expect(events.map((e) => [e.type, e.data.planId])).toEqual([
      ['PartnerPlaceReleased', 'plan-1'],
      ['PartnerPlaceClaimed', 'plan-1'],
    ]);
  });

  it('MOB-10: places are those of double degrees and exchanges, per agreement in force during the academic year', () => {
    expect(placeKindOf('DOUBLE_DEGREE')).toBe('DOUBLE_DEGREE');
    expect(placeKindOf('EXCHANGE_TWO_SEMESTERS')).toBe('EXCHANGE');
    expect(placeKindOf('MASTER_ABROAD')).toBeNull();
    const agreement = (startsOn: string, endsOn: string, places: number): AgreementTerms => ({
      kind: 'EXCHANGE',
      placesPerAcademicYear: places,
      startsOn: d(startsOn),
      endsOn: d(endsOn),
    });
    const agreements = [agreement('2020-01-01', '2026-08-31', 5), agreement('2026-08-31', '2030-08-31', 3)];
    expect(placesFor(agreements, 'EXCHANGE', '2026-2027')).toBe(3);
    expect(placesFor(agreements, 'EXCHANGE', '2031-2032')).toBe(0);
    expect(placesFor(agreements, 'DOUBLE_DEGREE', '2026-2027')).toBe(0);
  });
});
