// Shared by the review integration tests: the candidacy service played by its events (shaped
// by libs/contracts/src/candidacy.contracts.ts, validated on arrival by the service).
import type { StoredEvent } from '@admissions/event-store';
import { randomUUID } from 'node:crypto';

/** The time the events' dates are counted from. */
export const NOW = Date.now();
export const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
export const DAY = 86_400_000;

/** An event of the candidacy service, as its relay publishes it. */
export function candidacyEvent(
  type: string,
  streamId: string,
  data: unknown,
  eventId: string = randomUUID(),
): StoredEvent {
  return {
    type,
    data,
    metadata: {
      eventId,
      streamId,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      actor: { id: 'cand-1', roles: ['candidate'] },
      schemaVersion: 1,
    },
  };
}

const programmeDetails = (code: string, leadId: string) => ({
  code,
  nameFr: 'Mastère Spécialisé Données',
  nameEn: 'Data Specialised Master',
  places: 25,
  intake: 'SEPTEMBER',
  intakeDate: '2026-09-14',
  applicationWindow: { opensAt: iso(-60 * DAY), closesAt: iso(60 * DAY) },
  pedagogicalLeadId: leadId,
});

export const programmeCreated = (code: string, leadId: string) =>
  candidacyEvent('ProgrammeCreated', `programme-${code}`, {
    ...programmeDetails(code, leadId),
    createdAt: iso(-90 * DAY),
  });

export const leadChanged = (code: string, previousLeadId: string, leadId: string) =>
  candidacyEvent('ProgrammeChanged', `programme-${code}`, {
    ...programmeDetails(code, leadId),
    changedFields: ['pedagogicalLeadId'],
    previousPedagogicalLeadId: previousLeadId,
    changedAt: new Date().toISOString(),
  });

export const ENGINEER = {
  diplomas: [{ kind: 'CTI_ENGINEERING', title: 'Diplôme d’ingénieur', country: 'FR', year: 2019 }],
  eligibility: {
    status: 'ELIGIBLE',
    matchedRule: 'ELIG-1',
    checks: [
      { ruleId: 'ELIG-1', passed: true, reason: 'CTI-accredited engineering diploma (Bac+5)' },
      { ruleId: 'ELIG-4', passed: false, reason: 'no university M1' },
    ],
    reason: 'eligible: CTI-accredited engineering diploma (ELIG-1)',
  },
};
export const FOREIGN = {
  diplomas: [{ kind: 'FOREIGN', title: 'Master of Science', country: 'BR', year: 2020, declaredLevel: 'BAC+5' }],
  eligibility: {
    status: 'PENDING_EQUIVALENCE',
    matchedRule: 'ELIG-5',
    checks: [{ ruleId: 'ELIG-5', passed: true, reason: 'foreign diploma declared Bac+5' }],
    reason: 'eligible once the reviewer confirms the equivalence (ELIG-5)',
  },
};

export const submitted = (candidacyId: string, code: string, leadId: string, profile = ENGINEER, eventId?: string) =>
  candidacyEvent(
    'CandidacySubmitted',
    `candidacy-${candidacyId}`,
    {
      candidacyId,
      candidateId: `person-${candidacyId}`,
      programmeCode: code,
      pedagogicalLeadId: leadId,
      personal: { firstName: 'Camille', lastName: 'Martin', email: 'camille@example.org', phone: '+33600000000' },
      preferredLanguage: 'fr',
      ...profile,
      experienceMonths: 24,
      documents: ['cv', 'letter'].map((name, index) => ({
        documentId: `${candidacyId}-${name}`,
        kind: index === 0 ? 'CV' : 'MOTIVATION_LETTER',
        contentType: 'application/pdf',
        sizeBytes: 1024,
        sha256: 'a'.repeat(64),
        storageRef: `gridfs:${candidacyId}-${name}`,
      })),
      submittedAt: new Date().toISOString(),
    },
    eventId,
  );

export const ranked = (candidacyId: string, code: string, rank: number, eventId?: string) =>
  candidacyEvent(
    'SubmissionRanked',
    `candidacy-${candidacyId}`,
    { candidacyId, programmeCode: code, rank, rankedAt: new Date().toISOString() },
    eventId,
  );

export const withdrawn = (candidacyId: string, code: string) =>
  candidacyEvent('CandidacyWithdrawn', `candidacy-${candidacyId}`, {
    candidacyId,
    candidateId: `person-${candidacyId}`,
    previousStatus: 'SUBMITTED',
    programmeCode: code,
    withdrawnAt: new Date().toISOString(),
  });
