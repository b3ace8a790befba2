// Test data shared by the candidacy specs (plain data and builders, no test framework).
import { Actor, CommandMetadata } from '@admissions/domain-kernel';
import { Diploma, assessEligibility } from '../eligibility/eligibility';
import { ProgrammeSnapshot } from '../programme/programme.types';
import { CandidacyCommand } from './candidacy.commands';
import { CandidacyEvent, DocumentAttached } from './candidacy.events';
import { Personal } from './candidacy.types';

export const NOW = new Date('2026-03-10T10:00:00.000Z');
export const AT = NOW.toISOString();
export const CANDIDACY_ID = 'cdc-1';

export const candidate: Actor = { id: 'cand-1', roles: ['candidate'] };
export const otherCandidate: Actor = { id: 'cand-2', roles: ['candidate'] };
export const officer: Actor = { id: 'officer-1', roles: ['admissions-officer'] };
export const system: Actor = { id: 'candidacy-process-manager', roles: ['admin'] };

export const programme: ProgrammeSnapshot = {
  code: 'MS-CYBER',
  applicationWindow: { opensAt: '2026-01-05T08:00:00.000Z', closesAt: '2026-06-30T21:59:59.999Z' },
  pedagogicalLeadId: 'lead-1',
};

export const personal: Personal = {
  firstName: 'Marie',
  lastName: 'Curie',
  email: 'marie.curie@example.org',
  phone: '+33 6 12 34 56 78',
  birthDate: '1995-11-07',
  address: { street: '1 rue Descartes', postalCode: '75005', city: 'Paris', country: 'FR' },
};

export const cti: Diploma = { kind: 'CTI_ENGINEERING', title: 'Ingénieur Mines', country: 'FR', year: 2019 };
export const m1: Diploma = { kind: 'UNIVERSITY_M1', title: 'Maîtrise de physique', country: 'FR', year: 2015 };
export const other: Diploma = { kind: 'OTHER', title: 'BTS SIO', country: 'FR', year: 2018 };

type CommandOf<T extends CandidacyCommand['type']> = Extract<CandidacyCommand, { type: T }>;

export function cmd<T extends CandidacyCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  metadata: Partial<CommandMetadata> = {},
): CommandOf<T> {
  return { type, data, metadata: { now: NOW, actor: candidate, ...metadata } } as CommandOf<T>;
}

export const opened: CandidacyEvent = {
  type: 'CandidacyOpened',
  data: { candidacyId: CANDIDACY_ID, candidateId: candidate.id, openedAt: AT },
};

export const identityUpdated: CandidacyEvent = {
  type: 'IdentityUpdated',
  data: { candidacyId: CANDIDACY_ID, personal, preferredLanguage: 'fr', updatedAt: AT },
};

/** DiplomasRecorded then EligibilityAssessed, as the decider answers them. */
export function diplomasRecorded(diplomas: readonly Diploma[], experienceMonths?: number): CandidacyEvent[] {
  return [
    { type: 'DiplomasRecorded', data: { candidacyId: CANDIDACY_ID, diplomas, recordedAt: AT } },
    assessed(diplomas, experienceMonths),
  ];
}

export function experienceRecorded(months: number, diplomas: readonly Diploma[]): CandidacyEvent[] {
  return [
    { type: 'ExperienceRecorded', data: { candidacyId: CANDIDACY_ID, months, recordedAt: AT } },
    assessed(diplomas, months),
  ];
}

export function assessed(diplomas: readonly Diploma[], experienceMonths?: number): CandidacyEvent {
  const eligibility = assessEligibility(diplomas, experienceMonths);
  return { type: 'EligibilityAssessed', data: { candidacyId: CANDIDACY_ID, eligibility, assessedAt: AT } };
}

export const programmeChosen: CandidacyEvent = {
  type: 'ProgrammeChosen',
  data: { candidacyId: CANDIDACY_ID, programmeCode: programme.code, chosenAt: AT },
};

export function documentAttached(
  documentId: string,
  kind: 'CV' | 'MOTIVATION_LETTER' | 'TRANSCRIPT',
): DocumentAttached {
  return {
    type: 'DocumentAttached',
    data: {
      candidacyId: CANDIDACY_ID,
      documentId,
      kind,
      contentType: 'application/pdf',
      sizeBytes: 120_000,
      sha256: 'a'.repeat(64),
      storageRef: `candidacies/${CANDIDACY_ID}/${documentId}`,
      personal: { fileName: `${kind}-Marie-Curie.pdf` },
      attachedAt: AT,
    },
  };
}

export const cvAttached = documentAttached('doc-cv', 'CV');
export const letterAttached = documentAttached('doc-letter', 'MOTIVATION_LETTER');

/** A draft that lacks nothing: identity, CTI diploma, 24 months, programme, CV and letter. */
export const completeDraft: CandidacyEvent[] = [
  opened,
  identityUpdated,
  ...diplomasRecorded([cti]),
  ...experienceRecorded(24, [cti]),
  programmeChosen,
  cvAttached,
  letterAttached,
];

export const submitted: CandidacyEvent = {
  type: 'CandidacySubmitted',
  data: {
    candidacyId: CANDIDACY_ID,
    candidateId: candidate.id,
    programmeCode: programme.code,
    pedagogicalLeadId: programme.pedagogicalLeadId,
    personal: { firstName: 'Marie', lastName: 'Curie', email: 'marie.curie@example.org', phone: '+33 6 12 34 56 78' },
    preferredLanguage: 'fr',
    diplomas: [cti],
    experienceMonths: 24,
    eligibility: assessEligibility([cti], 24),
    documents: [cvAttached, letterAttached].map(({ data }) => {
      const { documentId, kind, contentType, sizeBytes, sha256, storageRef } = data;
      return { documentId, kind, contentType, sizeBytes, sha256, storageRef };
    }),
    submittedAt: AT,
  },
};
