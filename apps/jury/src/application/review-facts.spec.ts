import { reviewFactOf } from './review-facts';

describe("review's facts the jury keeps", () => {
  it('ELIG-5 and REV-3: a confirmed equivalence, and a correction with its reason and time', () => {
    expect(
      reviewFactOf({
        type: 'EquivalenceConfirmed',
        data: { candidacyId: 'cy-1', confirmedAt: '2026-01-25T09:00:00.000Z' },
      }),
    ).toEqual({
      type: 'RecordEquivalenceConfirmation',
      data: { candidacyId: 'cy-1', confirmedAt: '2026-01-25T09:00:00.000Z' },
    });
    const corrected = {
      candidacyId: 'cy-1',
      opinion: 'UNFAVOURABLE',
      motivation: 'On second reading the project does not fit',
      previous: { opinion: 'FAVOURABLE', motivation: 'Coherent project' },
      reason: 'Notes mixed up',
      correctedAt: '2026-03-12T09:00:00.000Z',
    };
    expect(reviewFactOf({ type: 'OpinionCorrected', data: corrected })).toEqual({
      type: 'RecordLeadOpinion',
      data: {
        candidacyId: 'cy-1',
        leadOpinion: { opinion: 'UNFAVOURABLE', motivation: 'On second reading the project does not fit' },
        givenAt: '2026-03-12T09:00:00.000Z',
        correctionReason: 'Notes mixed up',
      },
    });
  });

  it('keeps nothing of the events that go to the agenda or that it does not use', () => {
    expect(reviewFactOf({ type: 'CandidateDeclaredAdmissible', data: {} })).toBeUndefined();
    expect(reviewFactOf({ type: 'InterviewScheduled', data: {} })).toBeUndefined();
  });
});
