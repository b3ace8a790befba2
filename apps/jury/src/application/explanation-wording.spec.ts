import type { DecisionExplanation } from './decision-explanation';
import { explanationLanguage, statementsOf } from './explanation-wording';

const cited = { eventId: 'e1', sourceEventId: 'src-1' };
const explanation: DecisionExplanation = {
  decisionId: 'decision-e9',
  candidateId: 'p2',
  candidacyId: 'cy-2',
  programmeCode: 'MS-DATA',
  decision: {
    outcome: 'WAITLISTED',
    reason: 'Strong file, no seat left',
    sessionId: 's1',
    decidedAt: '2026-03-10T09:30:00.000Z',
    ...cited,
  },
  eligibility: {
    status: 'PENDING_EQUIVALENCE',
    matchedRule: 'ELIG-5',
    reason: 'Foreign Master of equivalent level',
    checks: [],
    equivalence: { confirmedAt: '2026-01-25T09:00:00.000Z', ...cited },
    ...cited,
  },
  interview: null,
  leadOpinion: {
    opinion: 'FAVOURABLE',
    motivation: 'Coherent professional project',
    givenAt: '2026-02-01T09:00:00.000Z',
    correctionReason: 'Typo in the first opinion',
    ...cited,
  },
  rank: { submissionRank: 3, waitingListRank: 1, ...cited },
  seats: { places: 2, placesEventId: 'e0', taken: 2, free: 0, holders: [] },
};

describe('the explanation in French or English', () => {
  it('takes ?lang= first, then the best of fr/en in Accept-Language, then French', () => {
    expect(explanationLanguage('en', 'fr-FR')).toBe('en');
    expect(explanationLanguage(undefined, 'de-DE, en-GB;q=0.8, fr;q=0.5')).toBe('en');
    expect(explanationLanguage(undefined, 'en;q=0.3, fr-CA;q=0.9')).toBe('fr');
    expect(explanationLanguage(undefined, 'en;q=0, de')).toBe('fr');
    expect(explanationLanguage(undefined, undefined)).toBe('fr');
  });

  it('says each item in French, with Paris calendar days and the quoted texts as written', () => {
    expect(statementsOf(explanation, 'fr')).toEqual({
      decision:
        "Le jury a placé la candidature sur liste d'attente le 10 mars 2026, motif : « Strong file, no seat left ».",
      eligibility:
        'Diplôme étranger de niveau équivalent (ELIG-5), équivalence confirmée le 25 janvier 2026 : « Foreign Master of equivalent level ».',
      interview: "Aucun entretien n'avait eu lieu : l'avis a été rendu sur dossier.",
      leadOpinion:
        'Avis favorable du responsable pédagogique, corrigé le 1 février 2026 : « Coherent professional project ». Motif de la correction : « Typo in the first opinion ».',
      rank: "Rang 3 dans l'ordre de dépôt des dossiers du programme. Rang 1 sur la liste d'attente.",
      seats: 'Au moment de la décision : 2 places, 2 occupées, 0 libre.',
    });
  });

  it('says each item in English', () => {
    const statements = statementsOf(
      { ...explanation, decision: { ...explanation.decision, outcome: 'REJECTED' } },
      'en',
    );
    expect(statements.decision).toBe(
      'The jury rejected the application on 10 March 2026, on the grounds: “Strong file, no seat left”.',
    );
    expect(statements.seats).toBe('At the time of the decision: 2 places, 2 taken, 0 free.');
    expect(statements.interview).toBe('No interview had been held: the opinion was given on the file.');
  });
});
