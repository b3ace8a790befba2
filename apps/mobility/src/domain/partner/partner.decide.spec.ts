import {
  Actor,
  deciderSpec,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  parseCalendarDate,
  ValidationError,
} from '@admissions/domain-kernel';
import { PartnerCommand } from './partner.commands';
import { partnerDecider } from './partner.decide';
import { PartnerEvent } from './partner.events';

const spec = deciderSpec(partnerDecider);
const NOW = new Date('2026-01-15T10:00:00.000Z');
const dri: Actor = { id: 'dri-1', roles: ['international-office'] };
const admin: Actor = { id: 'admin-1', roles: ['admin'] };
const dfi: Actor = { id: 'dfi-1', roles: ['training-directorate'] };
const student: Actor = { id: 'student-1', roles: ['student'] };
const d = (text: string) => parseCalendarDate(text) ?? { year: 0, month: 0, day: 0 };

const doubleDegree = {
  kind: 'DOUBLE_DEGREE' as const,
  placesPerAcademicYear: 2,
  startsOn: d('2024-09-01'),
  endsOn: d('2029-08-31'),
};
const exchange = {
  kind: 'EXCHANGE' as const,
  placesPerAcademicYear: 6,
  startsOn: d('2024-09-01'),
  endsOn: d('2029-08-31'),
};
const agreements = [doubleDegree, exchange];
const register = (actor: Actor = dri): PartnerCommand => ({
  type: 'RegisterPartner',
  data: {
    partnerId: 'partner-tub',
    name: 'TU Berlin',
    country: 'DE',
    agreements,
  },
  metadata: { now: NOW, actor },
});
const change = (
  data: Omit<Extract<PartnerCommand, { type: 'ChangePartner' }>['data'], 'partnerId'>,
  actor: Actor = dri,
): PartnerCommand => ({
  type: 'ChangePartner',
  data: { partnerId: 'partner-tub', ...data },
  metadata: { now: NOW, actor },
});
const registered: PartnerEvent[] = partnerDecider.decide(register(), partnerDecider.initialState());

describe('partner', () => {
  it('MOB-3: the international office registers a partner and its agreements, dates in ISO', () => {
    spec
      .given([])
      .when(register())
      .then([
        {
          type: 'PartnerRegistered',
          data: {
            partnerId: 'partner-tub',
            name: 'TU Berlin',
            country: 'DE',
            agreements: [
              {
                kind: 'DOUBLE_DEGREE',
                placesPerAcademicYear: 2,
                startsOn: '2024-09-01',
                endsOn: '2029-08-31',
              },
              {
                kind: 'EXCHANGE',
                placesPerAcademicYear: 6,
                startsOn: '2024-09-01',
                endsOn: '2029-08-31',
              },
            ],
            registeredBy: 'dri-1',
            registeredAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('only the international office or an admin manages partners', () => {
    spec.given([]).when(register(dfi)).thenThrows(ForbiddenError);
    spec.given([]).when(register(student)).thenThrows(ForbiddenError);
    expect(spec.given([]).when(register(admin)).events()).toHaveLength(1);
    spec
      .given(registered)
      .when(change({ name: 'TUB' }, student))
      .thenThrows(ForbiddenError);
  });

  it('a partner is registered once and changed only once registered', () => {
    spec.given(registered).when(register()).thenThrows(IllegalStateError);
    spec
      .given([])
      .when(change({ name: 'TUB' }))
      .thenThrows(NotFoundError);
  });

  it('MOB-4: adding a MASTER agreement records the full new details', () => {
    const master = {
      kind: 'MASTER' as const,
      placesPerAcademicYear: 1,
      startsOn: d('2026-09-01'),
      endsOn: d('2030-08-31'),
    };
    const [event] = spec
      .given(registered)
      .when(change({ agreements: [...agreements, master] }))
      .events();
    expect(event).toEqual({
      type: 'PartnerChanged',
      data: expect.objectContaining({
        partnerId: 'partner-tub',
        name: 'TU Berlin',
        country: 'DE',
        agreements: expect.arrayContaining([
          {
            kind: 'MASTER',
            placesPerAcademicYear: 1,
            startsOn: '2026-09-01',
            endsOn: '2030-08-31',
          },
        ]),
        changedBy: 'dri-1',
        changedAt: NOW.toISOString(),
      }),
    });
  });

  it('a change that changes nothing records nothing', () => {
    spec
      .given(registered)
      .when(change({ name: 'TU Berlin', agreements }))
      .thenNothing();
  });

  it('details are checked: country code, one agreement per kind, places, dates in order', () => {
    spec
      .given(registered)
      .when(change({ country: 'Germany' }))
      .thenThrows(ValidationError, { field: 'country' });
    spec
      .given(registered)
      .when(change({ agreements: [doubleDegree, doubleDegree] }))
      .thenThrows(ValidationError, { field: 'agreements' });
    const noPlaces = [{ ...doubleDegree, placesPerAcademicYear: 0 }];
    spec
      .given(registered)
      .when(change({ agreements: noPlaces }))
      .thenThrows(ValidationError, {
        field: 'agreements[0].placesPerAcademicYear',
      });
    const backwards = [{ ...doubleDegree, startsOn: d('2030-01-01') }];
    spec
      .given(registered)
      .when(change({ agreements: backwards }))
      .thenThrows(ValidationError, { field: 'agreements[0].endsOn' });
    spec
      .given(registered)
      .when(change({ name: ' ' }))
      .thenThrows(ValidationError, { field: 'name' });
  });
});
