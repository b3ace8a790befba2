import type { DiplomaSummary, EligibilityCheck, EligibilityStatus, FileSummary, Submission } from '../domain';

/**
 * The candidacy events the review service reads, as libs/contracts/src/candidacy.contracts.ts
 * publishes them (validated against those schemas before they reach a handler). Only the fields
 * used here are listed; the candidacy service's own types stay in its app.
 */
export interface ProgrammeLeadFacts {
  readonly code: string;
  readonly pedagogicalLeadId: string;
  readonly createdAt?: string;
  readonly changedAt?: string;
}

interface CandidacyDiploma {
  readonly kind: string;
  readonly title: string;
  readonly country: string;
  readonly year: number;
  readonly declaredLevel?: string;
}

export interface CandidacySubmittedData {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly pedagogicalLeadId: string;
  readonly personal: {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly phone?: string;
  };
  readonly diplomas: readonly CandidacyDiploma[];
  readonly experienceMonths: number;
  readonly eligibility: {
    readonly status: EligibilityStatus | 'INELIGIBLE';
    readonly matchedRule?: string;
    readonly checks: readonly EligibilityCheck[];
    readonly reason: string;
  };
  readonly documents: readonly { readonly documentId: string }[];
  readonly submittedAt: string;
}

/** SubmissionRanked (the file's stream) carries it. */
export interface SubmissionRankData {
  readonly candidacyId: string;
  readonly programmeCode: string;
  readonly rank: number;
}

export interface CandidacyWithdrawnData {
  readonly candidacyId: string;
  readonly programmeCode?: string;
}

/** The diploma kind each eligibility rule stands on (ELIG-1..5). */
const KIND_OF_RULE: Readonly<Record<string, string>> = {
  'ELIG-1': 'CTI_ENGINEERING',
  'ELIG-2': 'BUSINESS_SCHOOL_MASTER',
  'ELIG-3': 'UNIVERSITY_M2',
  'ELIG-4': 'UNIVERSITY_M1',
  'ELIG-5': 'FOREIGN',
};

function levelOf(diploma: CandidacyDiploma): number {
  switch (diploma.kind) {
    case 'CTI_ENGINEERING':
    case 'BUSINESS_SCHOOL_MASTER':
    case 'UNIVERSITY_M2':
      return 5;
    case 'UNIVERSITY_M1':
      return 4;
    case 'FOREIGN':
      return diploma.declaredLevel === 'BAC+5' ? 5 : diploma.declaredLevel === 'BAC+4' ? 4 : 0;
    default:
      return 0;
  }
}

/** The diploma the eligibility stood on: of the matched rule's kind, the highest level first. */
function decisiveDiploma(data: CandidacySubmittedData): CandidacyDiploma | undefined {
  const kind = data.eligibility.matchedRule ? KIND_OF_RULE[data.eligibility.matchedRule] : undefined;
  const byLevel = [...data.diplomas].sort((a, b) => levelOf(b) - levelOf(a));
  return byLevel.find((diploma) => diploma.kind === kind) ?? byLevel[0];
}

/**
 * The file as the review service keeps it, or null for a file that should never have been
 * transmitted (CAND-2: an ineligible file is not submitted).
 */
export function submissionOf(data: CandidacySubmittedData): Submission | null {
  const { eligibility } = data;
  if (eligibility.status === 'INELIGIBLE') return null;
  const decisive = decisiveDiploma(data);
  const diplomas = data.diplomas.map(({ kind, title, country, year, declaredLevel }): DiplomaSummary => ({
    kind,
    title,
    country,
    year,
    ...(declaredLevel === undefined ? {} : { declaredLevel }),
  }));
  const fileSummary: FileSummary = {
    diplomaLevel: decisive ? levelOf(decisive) : 0,
    diplomaKind: decisive?.kind ?? 'NONE',
    experienceMonths: data.experienceMonths,
    eligibilityRuleId: eligibility.matchedRule ?? 'NONE',
    eligibilityExplanation: {
      reason: eligibility.reason,
      checks: eligibility.checks.map(({ ruleId, passed, reason }) => ({ ruleId, passed, reason })),
    },
    diplomas,
    documentIds: data.documents.map((document) => document.documentId),
    submittedAt: data.submittedAt,
  };
  const { firstName, lastName, email, phone } = data.personal;
  return {
    candidacyId: data.candidacyId,
    candidateId: data.candidateId,
    programmeCode: data.programmeCode,
    leadId: data.pedagogicalLeadId,
    eligibility: eligibility.status,
    fileSummary,
    personal: { fullName: `${firstName} ${lastName}`, email, ...(phone === undefined ? {} : { phone }) },
    submittedAt: data.submittedAt,
  };
}
