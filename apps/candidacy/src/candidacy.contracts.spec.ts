import { ContractRegistry, candidacyContracts } from '@admissions/contracts';
import { DomainEvent } from '@admissions/domain-kernel';
import { AT, CANDIDACY_ID, completeDraft, cti, submitted } from './domain/candidacy/candidacy.fixtures';
import { CandidacyEvent, ProgrammeEvent, SubmissionLedgerEvent } from './domain';

// The published contracts must accept exactly what the deciders emit: a field renamed in the
// domain without its contract fails here, not in another service's consumer.
const registry = new ContractRegistry(candidacyContracts);

const programmeCreated: ProgrammeEvent = {
  type: 'ProgrammeCreated',
  data: {
    code: 'MS-CYBER',
    nameFr: 'Mastère Spécialisé Cybersécurité',
    nameEn: 'Specialised Master in Cybersecurity',
    places: 30,
    intake: 'SEPTEMBER',
    intakeDate: '2026-09-14',
    applicationWindow: { opensAt: '2026-01-05T08:00:00.000Z', closesAt: '2026-06-30T21:59:59.999Z' },
    pedagogicalLeadId: 'lead-1',
    createdAt: AT,
  },
};

const events: readonly DomainEvent[] = [
  programmeCreated,
  {
    type: 'ProgrammeChanged',
    data: {
      ...programmeCreated.data,
      places: 24,
      changedFields: ['places'],
      previousPedagogicalLeadId: 'lead-1',
      changedAt: AT,
    },
  },
  ...completeDraft,
  {
    type: 'ProgrammeChosen',
    data: { candidacyId: CANDIDACY_ID, programmeCode: 'MS-DATA', previousProgrammeCode: 'MS-CYBER', chosenAt: AT },
  },
  { type: 'DocumentRemoved', data: { candidacyId: CANDIDACY_ID, documentId: 'doc-cv', removedAt: AT } },
  submitted,
  {
    type: 'SubmissionRanked',
    data: { candidacyId: CANDIDACY_ID, programmeCode: 'MS-CYBER', rank: 1, rankedAt: AT },
  } satisfies CandidacyEvent,
  {
    type: 'CandidacyWithdrawn',
    data: { candidacyId: CANDIDACY_ID, candidateId: 'cand-1', previousStatus: 'DRAFT', withdrawnAt: AT },
  } satisfies CandidacyEvent,
  {
    type: 'SubmissionRegistered',
    data: { programmeCode: 'MS-CYBER', candidacyId: CANDIDACY_ID, rank: 1, registeredAt: AT },
  } satisfies SubmissionLedgerEvent,
  // Appended by the erasure this service hosts (libs/platform PersonErasure).
  { type: 'PersonErased', data: { personId: 'cand-1', erasedAt: AT } },
];

describe('candidacy event contracts', () => {
  it('has a version-1 contract for every published event type', () => {
    const types = new Set(events.map((event) => event.type));
    expect(
      registry
        .all()
        .map((contract) => contract.type)
        .sort(),
    ).toEqual([...types].sort());
    expect(registry.all().every((contract) => contract.version === 1)).toBe(true);
  });

  it.each(events.map((event) => [event.type, event] as const))(
    '%s from the deciders honours its contract',
    (_type, event) => {
      expect(registry.validate(event.type, event.data)).toBeUndefined();
    },
  );

  it('refuses a wrong diploma kind and personal data outside `personal`', () => {
    const bad = { candidacyId: CANDIDACY_ID, diplomas: [{ ...cti, kind: 'PHD' }], recordedAt: AT };
    expect(registry.validate('DiplomasRecorded', bad)).toContain('/diplomas/0/kind');
    const { personal: _personal, ...withoutPersonal } = submitted.data as { personal: unknown };
    expect(registry.validate('CandidacySubmitted', withoutPersonal)).toContain('personal');
  });
});
