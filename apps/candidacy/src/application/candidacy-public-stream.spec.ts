import { CANDIDACY_PUBLIC_TYPES } from '@admissions/contracts';
import type { StoredEvent } from '@admissions/event-store';
import { toPublicCandidacyEvent } from './candidacy-public-stream';

const stored = (type: string, data: unknown) => ({ type, data, metadata: {} }) as StoredEvent;
const file = { candidacyId: 'c-1', candidateId: 'cand-1' };

describe('admissions.candidacies.v1 from the candidacy events', () => {
  it('a withdrawn submitted file leaves its programme', () => {
    const data = {
      ...file,
      previousStatus: 'SUBMITTED',
      programmeCode: 'MS-DATA',
      withdrawnAt: '2027-02-01T09:00:00Z',
    };
    expect(toPublicCandidacyEvent(stored('CandidacyWithdrawn', data))).toEqual({
      type: CANDIDACY_PUBLIC_TYPES.withdrawn,
      data: { ...file, programmeCode: 'MS-DATA', withdrawnAt: '2027-02-01T09:00:00Z' },
    });
  });

  it('a withdrawn draft reached no programme: nothing is published', () => {
    const data = { ...file, previousStatus: 'DRAFT', programmeCode: 'MS-DATA', withdrawnAt: '2027-02-01T09:00:00Z' };
    expect(toPublicCandidacyEvent(stored('CandidacyWithdrawn', data))).toBeUndefined();
  });
});
