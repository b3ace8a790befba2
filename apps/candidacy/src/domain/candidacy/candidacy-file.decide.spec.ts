import { IllegalStateError, NotFoundError, ValidationError, deciderSpec } from '@admissions/domain-kernel';
import { assessEligibility } from '../eligibility/eligibility';
import { candidacyDecider } from './candidacy.decide';
import {
  AT,
  CANDIDACY_ID,
  cmd,
  cti,
  diplomasRecorded,
  experienceRecorded,
  identityUpdated,
  m1,
  officer,
  opened,
  otherCandidate,
  personal,
  programme,
  programmeChosen,
} from './candidacy.fixtures';

const spec = deciderSpec(candidacyDecider);

describe('Candidacy decider: opening and filling the file', () => {
  it('CAND-1: opening creates the file owned by the actor, which opens the candidate space', () => {
    spec
      .given([])
      .when(cmd('OpenCandidacy', { candidacyId: CANDIDACY_ID }))
      .then([opened]);
  });

  it('CAND-1: the owner opening the same file again changes nothing; someone else cannot take its id', () => {
    spec
      .given([opened])
      .when(cmd('OpenCandidacy', { candidacyId: CANDIDACY_ID }))
      .thenNothing();
    spec
      .given([opened])
      .when(cmd('OpenCandidacy', { candidacyId: CANDIDACY_ID }, { actor: otherCandidate }))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-1', field: 'candidacyId' });
  });

  it('CAND-1: another candidate is told the file does not exist (NotFoundError, not Forbidden)', () => {
    spec
      .given([opened])
      .when(cmd('UpdateIdentity', { personal, preferredLanguage: 'fr' }, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
    spec
      .given([opened])
      .when(cmd('RecordExperience', { months: 12 }, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
  });

  it('CAND-1: a command on a file never opened is not found', () => {
    spec
      .given([])
      .when(cmd('RecordExperience', { months: 12 }))
      .thenThrows(NotFoundError);
  });

  it('an admissions officer may act on a candidate file', () => {
    spec
      .given([opened])
      .when(cmd('UpdateIdentity', { personal, preferredLanguage: 'fr' }, { actor: officer }))
      .then([identityUpdated]);
  });

  it('identity: all personal data travels under `personal`; the same identity again changes nothing', () => {
    spec
      .given([opened])
      .when(cmd('UpdateIdentity', { personal, preferredLanguage: 'fr' }))
      .then([identityUpdated]);
    spec
      .given([opened, identityUpdated])
      .when(cmd('UpdateIdentity', { personal, preferredLanguage: 'fr' }))
      .thenNothing();
  });

  it.each([
    ['personal.email', { ...personal, email: 'marie.curie' }],
    ['personal.firstName', { ...personal, firstName: '  ' }],
    ['personal.phone', { ...personal, phone: 'call me' }],
    ['personal.birthDate', { ...personal, birthDate: '2026-03-11' }],
  ])('identity: an invalid %s is refused and named', (field, invalid) => {
    spec
      .given([opened])
      .when(cmd('UpdateIdentity', { personal: invalid, preferredLanguage: 'fr' }))
      .thenThrows(ValidationError, { field });
  });

  it('ELIG-1: recording a CTI diploma is followed by an explained assessment, ELIGIBLE', () => {
    const events = spec
      .given([opened])
      .when(cmd('RecordDiplomas', { diplomas: [cti] }))
      .events();
    expect(events).toEqual(diplomasRecorded([cti]));
    expect(events[1]).toMatchObject({ data: { eligibility: { status: 'ELIGIBLE', matchedRule: 'ELIG-1' } } });
  });

  it('ELIG-4: an M1 with 35 months of experience is assessed ineligible; 36 months makes it eligible', () => {
    const given = [opened, ...diplomasRecorded([m1])];
    spec
      .given(given)
      .when(cmd('RecordExperience', { months: 35 }))
      .then(experienceRecorded(35, [m1]));
    expect(assessEligibility([m1], 35).status).toBe('INELIGIBLE');
    spec
      .given([...given, ...experienceRecorded(35, [m1])])
      .when(cmd('RecordExperience', { months: 36 }))
      .then(experienceRecorded(36, [m1]));
    expect(assessEligibility([m1], 36)).toMatchObject({ status: 'ELIGIBLE', matchedRule: 'ELIG-4' });
  });

  it('ELIG-5: a foreign diploma declared Bac+5 is assessed PENDING_EQUIVALENCE', () => {
    const foreign = {
      kind: 'FOREIGN' as const,
      title: 'Mestrado',
      country: 'BR',
      year: 2020,
      declaredLevel: 'BAC+5' as const,
    };
    const events = spec
      .given([opened])
      .when(cmd('RecordDiplomas', { diplomas: [foreign] }))
      .events();
    expect(events[1]).toMatchObject({
      type: 'EligibilityAssessed',
      data: { eligibility: { status: 'PENDING_EQUIVALENCE', matchedRule: 'ELIG-5' }, assessedAt: AT },
    });
  });

  it('CAND-2: a foreign diploma must declare its level', () => {
    const foreign = { kind: 'FOREIGN' as const, title: 'Mestrado', country: 'BR', year: 2020 };
    spec
      .given([opened])
      .when(cmd('RecordDiplomas', { diplomas: [cti, foreign] }))
      .thenThrows(ValidationError, { ruleId: 'CAND-2', field: 'diplomas[1].declaredLevel' });
  });

  it('diplomas: a year after next year is refused; the same list again changes nothing', () => {
    spec
      .given([opened])
      .when(cmd('RecordDiplomas', { diplomas: [{ ...cti, year: 2028 }] }))
      .thenThrows(ValidationError, { field: 'diplomas[0].year' });
    spec
      .given([opened, ...diplomasRecorded([cti])])
      .when(cmd('RecordDiplomas', { diplomas: [cti] }))
      .thenNothing();
  });

  it.each([-1, 12.5])('CAND-2: experience is a whole number of months, at least 0 (%p refused)', (months) => {
    spec
      .given([opened])
      .when(cmd('RecordExperience', { months }))
      .thenThrows(ValidationError, { ruleId: 'CAND-2', field: 'months' });
  });

  it('CAND-4: a programme is chosen while its application window has not closed', () => {
    spec.given([opened]).when(cmd('ChooseProgramme', { programme })).then([programmeChosen]);
    spec
      .given([opened])
      .when(cmd('ChooseProgramme', { programme }, { now: new Date('2026-07-01T00:00:00.000Z') }))
      .thenThrows(IllegalStateError, { ruleId: 'CAND-4', field: 'applicationWindow.closesAt' });
  });

  it('choosing the programme already chosen changes nothing', () => {
    spec.given([opened, programmeChosen]).when(cmd('ChooseProgramme', { programme })).thenNothing();
  });

  it('moving the file to another programme names the one it leaves', () => {
    const other = { ...programme, code: 'MS-DATA' };
    spec
      .given([opened, programmeChosen])
      .when(cmd('ChooseProgramme', { programme: other }))
      .then([
        {
          type: 'ProgrammeChosen',
          data: {
            candidacyId: CANDIDACY_ID,
            programmeCode: 'MS-DATA',
            previousProgrammeCode: programme.code,
            chosenAt: AT,
          },
        },
      ]);
  });

  it('experience recorded before diplomas is assessed too', () => {
    spec
      .given([opened])
      .when(cmd('RecordExperience', { months: 40 }))
      .then(experienceRecorded(40, []));
  });
});
