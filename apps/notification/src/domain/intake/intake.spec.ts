import { intakeOf } from './intake';
import { CONSUMED, type ConsumedEvent } from './source-events';

describe('intake: what another service’s event means here', () => {
  it('CAND-2: a submitted file links the candidacy, records the contact and owes the receipt', () => {
    const intake = intakeOf({
      type: 'CandidacySubmitted',
      data: {
        candidacyId: 'c-1',
        candidateId: 'cand-1',
        programmeCode: 'MS-DATA',
        personal: { email: 'camille@example.org', firstName: 'Camille' },
        preferredLanguage: 'en',
        submittedAt: '2026-03-15T09:30:00Z',
      },
    });
    expect(intake.links).toEqual([{ candidacyId: 'c-1', personId: 'cand-1' }]);
    expect(intake.contacts).toEqual([
      { recipient: { personId: 'cand-1' }, email: 'camille@example.org', firstName: 'Camille', language: 'en' },
    ]);
    expect(intake.messages).toEqual([
      {
        recipient: { personId: 'cand-1' },
        content: {
          kind: 'SUBMISSION_RECEIPT',
          params: { programmeCode: 'MS-DATA', submittedAt: '2026-03-15T09:30:00Z' },
        },
      },
    ]);
  });

  it('REV-2: an interview names only the candidacy; its candidate is found through the link', () => {
    const intake = intakeOf({
      type: 'InterviewScheduled',
      data: { candidacyId: 'c-1', startsAt: '2026-04-02T08:00:00Z', mode: 'VIDEO', room: null, link: 'https://v/x' },
    });
    expect(intake.messages[0].recipient).toEqual({ candidacyId: 'c-1' });
  });

  it('JURY-4/JURY-5: an offer (or a waiting-list promotion) is told and reminded of; enrolment closes it', () => {
    const offer = (origin: 'ADMISSION' | 'WAITING_LIST'): ConsumedEvent => ({
      type: 'OfferMade',
      data: {
        programmeCode: 'MS-DATA',
        offerId: 'o-1',
        candidateId: 'cand-1',
        origin,
        expiresAt: '2026-03-25T22:59:59.999Z',
      },
    });
    expect(intakeOf(offer('ADMISSION')).messages[0].content.kind).toBe('OFFER_MADE');
    expect(intakeOf(offer('WAITING_LIST')).messages[0].content.kind).toBe('WAITING_LIST_PROMOTION');
    expect(intakeOf(offer('ADMISSION')).offer).toEqual({
      action: 'remind',
      offerId: 'o-1',
      personId: 'cand-1',
      programmeCode: 'MS-DATA',
      expiresAt: '2026-03-25T22:59:59.999Z',
    });
    const enrolled = intakeOf({
      type: 'CandidateEnrolled',
      data: { programmeCode: 'MS-DATA', offerId: 'o-1', candidateId: 'cand-1', enrolledAt: '2026-03-20T10:00:00Z' },
    });
    expect(enrolled.offer).toEqual({ action: 'close', offerId: 'o-1', reason: 'ENROLLED' });
    expect(enrolled.messages[0].content.kind).toBe('ENROLMENT_CONFIRMED');
  });

  it('REC-4: a registered referral owes an acknowledgement', () => {
    const intake = intakeOf({
      type: 'ReferralAcknowledged',
      data: { referralId: 'r-1', candidateId: 'cand-1', acknowledgedAt: '2026-07-01T10:00:00Z' },
    });
    expect(intake.messages).toEqual([
      {
        recipient: { personId: 'cand-1' },
        content: {
          kind: 'REFERRAL_ACKNOWLEDGED',
          params: { referralId: 'r-1', acknowledgedAt: '2026-07-01T10:00:00Z' },
        },
      },
    ]);
  });

  it('a student’s contact from the mobility service’s directory event reaches the recipient directory', () => {
    const intake = intakeOf({
      type: 'StudentContactRecorded',
      data: { studentId: 'student-1', personal: { email: 'alex@student.example.org' }, preferredLanguage: 'en' },
    });
    expect(intake.contacts).toEqual([
      { recipient: { personId: 'student-1' }, email: 'alex@student.example.org', language: 'en' },
    ]);
    expect(intake.messages).toEqual([]);
  });

  it('reads nothing of a type it does not list', () => {
    expect(Object.values(CONSUMED).flat()).not.toContain('DocumentAttached');
  });
});
