import { ContractRegistry, mobilityContracts } from '@admissions/contracts';
import {
  MobilityPlanEvent,
  PartnerEvent,
  partnerDecider,
  PartnerPlacesEvent,
  partnerPlacesDecider,
  studentContactDecider,
} from './domain';
import {
  advisor,
  cmd,
  courses,
  d,
  dfi,
  dri,
  drafts,
  historyOf,
  PLAN_ID,
  propose,
  student,
} from './domain/mobility-plan/mobility-plan.fixtures';

const registry = new ContractRegistry(mobilityContracts);
const at = new Date('2026-05-04T09:00:00.000Z');

/** Partner events as the real decider writes them. */
function partnerEvents(): PartnerEvent[] {
  const agreement = { placesPerAcademicYear: 3, startsOn: d('2024-09-01'), endsOn: d('2030-08-31') };
  const registered = partnerDecider.decide(
    {
      type: 'RegisterPartner',
      data: { partnerId: 'dd-tum', name: 'TUM', country: 'DE', agreements: [{ kind: 'DOUBLE_DEGREE', ...agreement }] },
      metadata: { now: at, actor: dri },
    },
    partnerDecider.initialState(),
  );
  const changed = partnerDecider.decide(
    {
      type: 'ChangePartner',
      data: { partnerId: 'dd-tum', agreements: [{ kind: 'MASTER', ...agreement }] },
      metadata: { now: at, actor: dri },
    },
    registered.reduce(partnerDecider.evolve, partnerDecider.initialState()),
  );
  return [...registered, ...changed];
}

/** Plan events of every type, through the real deciders (fixtures of the domain specs). */
function planEvents(): MobilityPlanEvent[] {
  const ref = { planId: PLAN_ID };
  const exchange = historyOf(
    propose(drafts.exchangeSemester),
    cmd('ProposeLearningAgreement', { ...ref, courses: courses(6, 6, 6, 6, 6) }, student),
    cmd('ApproveByStudyAdvisor', ref, advisor),
    cmd('ApproveByInternationalOffice', ref, dri),
    cmd('ApproveLearningAgreement', { ...ref, version: 1 }, advisor),
    cmd('StartMobility', ref, student),
    cmd('ChangeLearningAgreement', { ...ref, courses: courses(10, 10, 10) }, student),
    cmd('RecordCredits', { ...ref, obtainedEcts: 30 }, advisor),
    cmd(
      'RecordEngineeringInternship',
      { ...ref, internshipKind: 'ENGINEERING', startOn: d('2027-03-01'), endOn: d('2027-06-30'), lastObligation: true },
      dfi,
    ),
  );
  const refusedThenChanged = historyOf(
    propose(drafts.twoSemesters),
    cmd('RefuseByStudyAdvisor', { ...ref, reason: 'Too many courses outside the track' }, advisor),
    cmd('ChangePlan', { ...drafts.twoSemesters, ...ref }, student),
  );
  const summerNotCounted = historyOf(
    propose(drafts.summerStay),
    cmd('ApproveByTrainingDirectorate', ref, dfi),
    cmd('StartMobility', ref, student),
    cmd('CompleteInternship', { ...ref, startedOn: d('2027-07-01'), endedOn: d('2027-08-31') }, dfi),
  );
  const cancelled = historyOf(propose(drafts.finalInternship), cmd('CancelPlan', ref, student));
  const masterOutsidePartnerships = historyOf(
    propose({ ...drafts.master, host: { name: 'Far Away University', country: 'JP', partner: null } }),
  );
  return [...exchange, ...refusedThenChanged, ...summerNotCounted, ...cancelled, ...masterOutsidePartnerships];
}

/** MOB-10: a place taken, then given back, through the real decider. */
function placeEvents(): PartnerPlacesEvent[] {
  const ledger = { partnerId: 'dd-tum', academicYear: '2026-2027', planId: PLAN_ID };
  const claimed = partnerPlacesDecider.decide(
    {
      type: 'ClaimPlace',
      data: { ...ledger, agreementKind: 'DOUBLE_DEGREE', placesPerAcademicYear: 3, planVersion: 2 },
      metadata: { now: at, actor: dri },
    },
    partnerPlacesDecider.initialState(),
  );
  const released = partnerPlacesDecider.decide(
    { type: 'ReleasePlace', data: { ...ledger, reason: 'REFUSED' }, metadata: { now: at, actor: dri } },
    claimed.reduce(partnerPlacesDecider.evolve, partnerPlacesDecider.initialState()),
  );
  return [...claimed, ...released];
}

/** The student's contact, through the real decider. */
const contactEvents = () =>
  studentContactDecider.decide(
    {
      type: 'RecordStudentContact',
      data: { studentId: student.id, email: 'alex@student.example.org', preferredLanguage: 'en' },
      metadata: { now: at, actor: student },
    },
    studentContactDecider.initialState(),
  );

describe('mobility contracts (libs/contracts) against the events the deciders write', () => {
  // PersonErased: recorded by the shared erasure propagation (libs/platform) when a person is erased.
  const erased = { type: 'PersonErased', data: { personId: student.id, erasedAt: at.toISOString() } };
  const events = [...partnerEvents(), ...planEvents(), ...placeEvents(), ...contactEvents(), erased];

  it('covers every event type with exactly one version-1 contract', () => {
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual(mobilityContracts.map((contract) => contract.type).sort());
    expect(mobilityContracts.every((contract) => contract.version === 1)).toBe(true);
  });

  it.each(events.map((event) => [event.type, event] as const))('%s matches its schema', (_type, event) => {
    expect(registry.validate(event.type, event.data)).toBeUndefined();
  });

  it('keeps personal data under `personal` for the notification service (MobilityRefused)', () => {
    const refused = events.find((event) => event.type === 'MobilityRefused');
    expect(refused?.data).toMatchObject({ personal: { reason: 'Too many courses outside the track' } });
    expect(registry.validate('MobilityRefused', { ...refused?.data, personal: {} })).toMatch(/reason/);
  });

  it("keeps the student's address under `personal` (StudentContactRecorded)", () => {
    const contact = events.find((event) => event.type === 'StudentContactRecorded');
    expect(contact?.data).toMatchObject({ personal: { email: 'alex@student.example.org' }, preferredLanguage: 'en' });
    expect(registry.validate('StudentContactRecorded', { ...contact?.data, personal: {} })).toMatch(/email/);
  });

  it('refuses malformed dates and unknown kinds', () => {
    const proposed = events.find((event) => event.type === 'MobilityPlanProposed');
    expect(registry.validate('MobilityPlanProposed', { ...proposed?.data, startOn: '01/09/2026' })).toMatch(/startOn/);
    expect(registry.validate('MobilityPlanProposed', { ...proposed?.data, kind: 'GAP_YEAR' })).toMatch(/kind/);
  });
});
