import { ContractRegistry, MOBILITY_PUBLIC_TYPES, mobilityPublicContracts } from '@admissions/contracts';
import type { StoredEvent } from '@admissions/event-store';
import { toPublicMobilityEvent } from './mobility-public-stream';

const contracts = new ContractRegistry(mobilityPublicContracts);
const stored = (type: string, data: unknown) => ({ type, data, metadata: {} }) as StoredEvent;
const plan = { planId: 'plan-1', studentId: 'student-1' };

describe('admissions.mobility.v1 from the mobility events', () => {
  it('MOB-7: an approval names the authority, not the person who gave it', () => {
    const event = toPublicMobilityEvent(
      stored('MobilityApproved', {
        ...plan,
        authority: 'INTERNATIONAL_OFFICE',
        approvedBy: 'dri-1',
        approvedAt: '2027-03-01T09:00:00.000Z',
      }),
    );
    expect(event).toEqual({
      type: MOBILITY_PUBLIC_TYPES.approvalGiven,
      data: { ...plan, authority: 'INTERNATIONAL_OFFICE', approvedAt: '2027-03-01T09:00:00.000Z' },
    });
    expect(contracts.validate(event!.type, event!.data)).toBeUndefined();
  });

  it('MOB-1: a fulfilled requirement', () => {
    const data = { ...plan, kind: 'DOUBLE_DEGREE', fulfilledAt: '2028-07-01T09:00:00.000Z' };
    const event = toPublicMobilityEvent(stored('MobilityRequirementFulfilled', data));
    expect(event).toEqual({ type: MOBILITY_PUBLIC_TYPES.requirementFulfilled, data });
    expect(contracts.validate(event!.type, event!.data)).toBeUndefined();
  });

  it('nothing from a refusal: its reason is personal data', () => {
    expect(toPublicMobilityEvent(stored('MobilityRefused', plan))).toBeUndefined();
  });
});
