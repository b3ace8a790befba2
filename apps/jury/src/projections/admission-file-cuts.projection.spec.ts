import type { StoredEvent } from '@admissions/event-store';
import { admissionFileCuts, type AdmissionFileCut } from './admission-file-cuts.projection';
import { decisionLocations } from './decision-locations.projection';

let position = 0;
function logged(type: string, streamId: string, version: number, data: Record<string, unknown> = {}): StoredEvent {
  position += 1;
  return {
    type,
    data: { candidacyId: 'cy-1', ...data },
    metadata: {
      eventId: `e${position}`,
      streamId,
      version,
      position,
      occurredAt: '2026-03-10T09:00:00.000Z',
      correlationId: 'c',
      actor: { id: 'system:jury', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}

describe('where a decision cuts the jury streams', () => {
  const file = 'admission-file-cy-1';
  const decided = logged('AdmissionDecided', 'programme-MS-DATA', 7, { candidateId: 'p1', programmeCode: 'MS-DATA' });
  const events = [
    logged('EligibilityRecorded', file, 1),
    logged('LeadOpinionRecorded', file, 2),
    decided,
    logged('LeadOpinionRecorded', file, 3),
  ];

  it('the file version reached in log order when the decision was logged; a later correction moves only the file', () => {
    const cut = events.reduce<AdmissionFileCut | null>((doc, e) => admissionFileCuts.evolve(doc, e, 'cy-1'), null);
    expect(cut).toEqual({ _id: 'cy-1', fileVersion: 3, fileVersionAtDecision: 2 });
  });

  it('the decision is found by its public id, the ce_id of the decision stream', () => {
    const [id] = decisionLocations.documentsOf(decided);
    expect(id).toBe(`decision-${decided.metadata.eventId}`);
    expect(decisionLocations.evolve(null, decided, id)).toEqual({
      _id: id,
      decisionEventId: decided.metadata.eventId,
      candidacyId: 'cy-1',
      candidateId: 'p1',
      programmeCode: 'MS-DATA',
      programmeVersion: 7,
    });
  });
});
