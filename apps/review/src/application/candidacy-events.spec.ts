import { type CandidacySubmittedData, submissionOf } from './candidacy-events';

const base: CandidacySubmittedData = {
  candidacyId: 'cand-1',
  candidateId: 'person-1',
  programmeCode: 'MS-DATA',
  pedagogicalLeadId: 'lead-1',
  personal: { firstName: 'Ana', lastName: 'Souza', email: 'ana@example.org' },
  diplomas: [
    { kind: 'UNIVERSITY_M1', title: 'Maîtrise', country: 'FR', year: 2010 },
    { kind: 'FOREIGN', title: 'Mestrado', country: 'BR', year: 2015, declaredLevel: 'BAC+5' },
  ],
  experienceMonths: 12,
  eligibility: {
    status: 'PENDING_EQUIVALENCE',
    matchedRule: 'ELIG-5',
    checks: [
      { ruleId: 'ELIG-4', passed: false, reason: 'M1 with 12 months of experience, 36 required' },
      { ruleId: 'ELIG-5', passed: true, reason: 'foreign diploma declared Bac+5' },
    ],
    reason: 'eligible once the equivalence is confirmed',
  },
  documents: [{ documentId: 'cv-1' }],
  submittedAt: '2026-03-01T10:00:00.000Z',
};

describe('CandidacySubmitted as the review service keeps it', () => {
  it('REV-1/ELIG-6: summarises the file on the diploma the eligibility stood on, with the explanation', () => {
    expect(submissionOf(base)).toEqual({
      candidacyId: 'cand-1',
      candidateId: 'person-1',
      programmeCode: 'MS-DATA',
      leadId: 'lead-1',
      eligibility: 'PENDING_EQUIVALENCE',
      personal: { fullName: 'Ana Souza', email: 'ana@example.org' },
      submittedAt: '2026-03-01T10:00:00.000Z',
      fileSummary: {
        diplomaLevel: 5,
        diplomaKind: 'FOREIGN',
        experienceMonths: 12,
        eligibilityRuleId: 'ELIG-5',
        eligibilityExplanation: { reason: base.eligibility.reason, checks: base.eligibility.checks },
        diplomas: base.diplomas,
        documentIds: ['cv-1'],
        submittedAt: '2026-03-01T10:00:00.000Z',
      },
    });
  });

  it('CAND-2: an ineligible file, which should never have been transmitted, is not reviewed', () => {
    expect(submissionOf({ ...base, eligibility: { ...base.eligibility, status: 'INELIGIBLE' } })).toBeNull();
  });
});
