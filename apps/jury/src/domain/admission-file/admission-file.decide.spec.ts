import { deciderSpec, ValidationError, type Actor } from '@admissions/domain-kernel';
import type { AdmissionFileCommand, EligibilityAssessment } from './admission-file.commands';
import { admissionFileDecider } from './admission-file.decide';
import type { AdmissionFileEvent } from './admission-file.events';

const spec = deciderSpec(admissionFileDecider);
const SYSTEM: Actor = { id: 'system:jury', roles: ['admin'] };
const NOW = '2026-02-10T09:00:00.000Z';

function cmd<C extends AdmissionFileCommand>(type: C['type'], data: C['data']): C {
  return { type, data, metadata: { now: new Date(NOW), actor: SYSTEM } } as C;
}

const eligibility: EligibilityAssessment = {
  status: 'ELIGIBLE',
  matchedRule: 'ELIG-3',
  reason: 'University Master 2 (Bac+5)',
  checks: [{ ruleId: 'ELIG-3', passed: true, reason: 'Master 2 in computer science, 2024' }],
};
const recordEligibility = (status: string = 'ELIGIBLE') =>
  cmd('RecordEligibility', {
    candidacyId: 'cy-1',
    candidateId: 'p-1',
    programmeCode: 'MS-DATA',
    eligibility: { ...eligibility, status: status as EligibilityAssessment['status'] },
  });
const eligibilityRecorded: AdmissionFileEvent = {
  type: 'EligibilityRecorded',
  data: { candidacyId: 'cy-1', candidateId: 'p-1', programmeCode: 'MS-DATA', eligibility, recordedAt: NOW },
};
const opinion = { opinion: 'FAVOURABLE' as const, motivation: 'Conclusive interview, coherent professional project' };
const recordOpinion = (correctionReason: string | null, candidacyId = 'cy-1') =>
  cmd('RecordLeadOpinion', { candidacyId, leadOpinion: opinion, givenAt: NOW, correctionReason });

describe('the jury file of a candidacy (what the jury has when it decides, JURY-2)', () => {
  it('keeps the explained eligibility of the file (ELIG-6)', () => {
    spec.given([]).when(recordEligibility()).then([eligibilityRecorded]);
  });

  it('CAND-2: refuses an ineligible assessment, which no file reaching the jury can have', () => {
    spec.given([]).when(recordEligibility('INELIGIBLE')).thenThrows(ValidationError, { ruleId: 'CAND-2' });
  });

  it('keeps the confirmed equivalence (ELIG-5) and the interview outcome (REV-2)', () => {
    spec
      .given([eligibilityRecorded])
      .when(cmd('RecordEquivalenceConfirmation', { candidacyId: 'cy-1', confirmedAt: NOW }))
      .then([
        { type: 'EquivalenceConfirmationRecorded', data: { candidacyId: 'cy-1', confirmedAt: NOW, recordedAt: NOW } },
      ]);
    const held = { candidacyId: 'cy-1', startsAt: NOW, conclusive: false, notes: 'Vague project' };
    spec
      .given([eligibilityRecorded])
      .when(cmd('RecordInterviewOutcome', held))
      .then([{ type: 'InterviewOutcomeRecorded', data: { ...held, recordedAt: NOW } }]);
  });

  it('REV-3: keeps the opinion and each correction, which must say why', () => {
    spec
      .given([eligibilityRecorded])
      .when(recordOpinion('The interview notes were mixed up'))
      .then([
        {
          type: 'LeadOpinionRecorded',
          data: {
            candidacyId: 'cy-1',
            leadOpinion: opinion,
            givenAt: NOW,
            correctionReason: 'The interview notes were mixed up',
            recordedAt: NOW,
          },
        },
      ]);
    spec.given([]).when(recordOpinion('  ')).thenThrows(ValidationError, { ruleId: 'REV-3', field: 'reason' });
  });

  it('refuses a fact of another candidacy in this file', () => {
    spec
      .given([eligibilityRecorded])
      .when(recordOpinion(null, 'cy-2'))
      .thenThrows(ValidationError, { field: 'candidacyId' });
  });
});
