import { ADMISSIBILITY_TYPES, admissibilityContracts, ContractRegistry } from '@admissions/contracts';
import type { StoredEvent } from '@admissions/event-store';
import { toPublicAdmissibility } from './admissibility-public-stream';

const contracts = new ContractRegistry(admissibilityContracts);
const stored = (type: string, data: unknown) => ({ type, data, metadata: {} }) as StoredEvent;
const file = {
  candidacyId: 'c-1',
  candidateId: 'cand-1',
  programmeCode: 'MS-DATA',
  declaredAt: '2027-03-01T09:00:00.000Z',
};

describe('admissions.admissibility.v1 from the review events (REV-4)', () => {
  it('an admissible file: ids and date, without the rank or the opinion', () => {
    const opinion = { opinion: 'FAVOURABLE', motivation: 'Solide.' };
    const event = toPublicAdmissibility(
      stored('CandidateDeclaredAdmissible', { ...file, submissionRank: 3, leadOpinion: opinion }),
    );
    expect(event).toEqual({ type: ADMISSIBILITY_TYPES.admissible, data: file });
    expect(contracts.validate(event!.type, event!.data)).toBeUndefined();
  });

  it("a file not admissible: the reason's code, not its wording", () => {
    const reason = { code: 'UNFAVOURABLE_OPINION', explanation: 'Projet peu clair.' };
    const event = toPublicAdmissibility(stored('CandidateDeclaredNotAdmissible', { ...file, reason }));
    expect(event).toEqual({
      type: ADMISSIBILITY_TYPES.notAdmissible,
      data: { ...file, reasonCode: 'UNFAVOURABLE_OPINION' },
    });
    expect(contracts.validate(event!.type, event!.data)).toBeUndefined();
  });

  it('nothing from the other review events', () => {
    expect(toPublicAdmissibility(stored('OpinionGiven', file))).toBeUndefined();
  });
});
