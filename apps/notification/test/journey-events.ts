import { uniqueName } from '@admissions/testing';

/** Data shaped like the other services' domain events (apps/<service>/src/domain/**\/*.events.ts). */
export function person(language: 'fr' | 'en', firstName = language === 'fr' ? 'Camille' : 'Alex') {
  const candidateId = uniqueName('cand');
  const candidacyId = uniqueName('candidacy');
  return { candidateId, candidacyId, email: `${candidateId}@example.org`, firstName, language };
}

export type Person = ReturnType<typeof person>;

const at = () => new Date().toISOString();

export const candidacyEvents = {
  opened: (p: Person) => ({ candidacyId: p.candidacyId, candidateId: p.candidateId, openedAt: at() }),
  identityUpdated: (p: Person) => ({
    candidacyId: p.candidacyId,
    personal: { firstName: p.firstName, lastName: 'Martin', email: p.email },
    preferredLanguage: p.language,
    updatedAt: at(),
  }),
  submitted: (p: Person, submittedAt = at()) => ({
    candidacyId: p.candidacyId,
    candidateId: p.candidateId,
    programmeCode: 'MS-DATA',
    pedagogicalLeadId: 'lead-1',
    personal: { firstName: p.firstName, lastName: 'Martin', email: p.email },
    preferredLanguage: p.language,
    diplomas: [{ kind: 'CTI_ENGINEERING', title: 'Ingénieur', country: 'FR', year: 2020 }],
    experienceMonths: 12,
    eligibility: {
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-1',
      checks: [{ ruleId: 'ELIG-1', passed: true, reason: 'CTI-accredited engineering diploma' }],
      reason: 'CTI-accredited engineering diploma',
    },
    documents: [],
    submittedAt,
  }),
};

export const reviewEvents = {
  opened: (p: Person) => ({
    candidacyId: p.candidacyId,
    candidateId: p.candidateId,
    programmeCode: 'MS-DATA',
    eligibility: 'ELIGIBLE',
    submissionRank: 1,
    fileSummary: {
      diplomaLevel: 5,
      diplomaKind: 'CTI_ENGINEERING',
      experienceMonths: 12,
      eligibilityRuleId: 'ELIG-1',
      eligibilityExplanation: {
        reason: 'CTI-accredited engineering diploma',
        checks: [{ ruleId: 'ELIG-1', passed: true, reason: 'CTI-accredited engineering diploma' }],
      },
      diplomas: [{ kind: 'CTI_ENGINEERING', title: 'Ingénieur', country: 'FR', year: 2020 }],
      documentIds: ['cv-1', 'letter-1'],
      submittedAt: at(),
    },
    personal: { fullName: `${p.firstName} Martin`, email: p.email },
    openedAt: at(),
  }),
  interviewScheduled: (p: Person, startsAt: string) => ({
    candidacyId: p.candidacyId,
    mode: 'VIDEO',
    room: null,
    link: 'https://visio.example.org/abc',
    startsAt,
    scheduledAt: at(),
  }),
  interviewRescheduled: (p: Person, startsAt: string, previousStartsAt: string) => ({
    candidacyId: p.candidacyId,
    mode: 'ONSITE',
    room: 'B-204',
    link: null,
    startsAt,
    previousStartsAt,
    rescheduledAt: at(),
  }),
  interviewCancelled: (p: Person) => ({ candidacyId: p.candidacyId, reason: 'Lead unavailable', cancelledAt: at() }),
  admissible: (p: Person) => ({
    candidacyId: p.candidacyId,
    candidateId: p.candidateId,
    programmeCode: 'MS-DATA',
    submissionRank: 1,
    leadOpinion: { opinion: 'FAVOURABLE', motivation: 'A strong and coherent professional project.' },
    declaredAt: at(),
  }),
  notAdmissible: (p: Person) => ({
    candidacyId: p.candidacyId,
    candidateId: p.candidateId,
    programmeCode: 'MS-DATA',
    reason: { code: 'UNFAVOURABLE_OPINION', explanation: 'The project does not fit the programme.' },
    declaredAt: at(),
  }),
};

export const juryEvents = {
  decided: (p: Person, decision: 'ADMITTED' | 'WAITLISTED' | 'REJECTED', waitingListRank: number | null = null) => ({
    programmeCode: 'MS-DATA',
    sessionId: 'MS-DATA-2026-03',
    candidateId: p.candidateId,
    candidacyId: p.candidacyId,
    decision,
    reason: 'Excellent file and interview.',
    waitingListRank,
    decidedAt: at(),
  }),
  offerMade: (p: Person, offerId: string, expiresAt: string, origin: 'ADMISSION' | 'WAITING_LIST' = 'ADMISSION') => ({
    programmeCode: 'MS-DATA',
    offerId,
    candidateId: p.candidateId,
    candidacyId: p.candidacyId,
    origin,
    madeAt: at(),
    expiresAt,
  }),
  offerExpired: (p: Person, offerId: string) => ({
    programmeCode: 'MS-DATA',
    offerId,
    candidateId: p.candidateId,
    candidacyId: p.candidacyId,
    expiredAt: at(),
  }),
  enrolled: (p: Person, offerId: string) => ({
    programmeCode: 'MS-DATA',
    offerId,
    candidateId: p.candidateId,
    candidacyId: p.candidacyId,
    enrolledAt: at(),
  }),
  referralAcknowledged: (p: Person, referralId: string) => ({
    referralId,
    candidateId: p.candidateId,
    acknowledgedAt: at(),
  }),
  proposalsMade: (p: Person, referralId: string, answerDueAt: string) => ({
    referralId,
    candidateId: p.candidateId,
    proposals: [
      { proposalId: 'p1', programmeCode: 'M1-INFO-LYON' },
      { proposalId: 'p2', programmeCode: 'M1-MATH-GRENOBLE' },
      { proposalId: 'p3', programmeCode: 'M1-DATA-CLERMONT' },
    ],
    proposalsMadeAt: at(),
    answerDueAt,
  }),
  proposalAccepted: (p: Person, referralId: string) => ({
    proposalId: 'p2',
    programmeCode: 'M1-MATH-GRENOBLE',
    referralId,
    candidateId: p.candidateId,
    acceptedAt: at(),
  }),
};

export const mobilityEvents = {
  contactRecorded: (studentId: string, email: string, preferredLanguage: 'fr' | 'en') => ({
    studentId,
    personal: { email },
    preferredLanguage,
    recordedAt: at(),
  }),
  approved: (studentId: string, planId: string) => ({
    planId,
    studentId,
    authority: 'INTERNATIONAL_OFFICE',
    approvedBy: 'io-1',
    approvedAt: at(),
  }),
  refused: (studentId: string, planId: string) => ({
    planId,
    studentId,
    authority: 'INTERNATIONAL_OFFICE',
    refusedBy: 'io-1',
    refusedAt: at(),
    personal: { reason: 'The host is not a partner for double degrees.' },
  }),
};
