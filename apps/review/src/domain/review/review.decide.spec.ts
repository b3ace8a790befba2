import { Actor, deciderSpec, IllegalStateError, NotFoundError, ValidationError } from '@admissions/domain-kernel';
import type { ReviewCommand } from './review.commands';
import { reviewDecider } from './review.decide';
import type { ReviewEvent } from './review.events';

const spec = deciderSpec(reviewDecider);

const LEAD: Actor = { id: 'lead-1', roles: ['lead'] };
const OTHER_LEAD: Actor = { id: 'lead-2', roles: ['lead'] };
const ADMIN: Actor = { id: 'admin-1', roles: ['admin'] };
const SYSTEM: Actor = { id: 'candidacy-events', roles: ['system'] };

const OPENED_AT = '2026-03-02T08:00:00.000Z';
const at = (iso: string) => new Date(iso);

function command<C extends ReviewCommand>(type: C['type'], data: C['data'], now: string, actor: Actor = LEAD): C {
  return { type, data, metadata: { now: at(now), actor } } as C;
}

const fileSummary = {
  diplomaLevel: 5,
  diplomaKind: 'ENGINEERING',
  experienceMonths: 12,
  eligibilityRuleId: 'ELIG-1',
  eligibilityExplanation: {
    reason: 'CTI-accredited engineering diploma (Bac+5)',
    checks: [{ ruleId: 'ELIG-1', passed: true, reason: 'CTI-accredited engineering diploma (Bac+5)' }],
  },
  diplomas: [{ kind: 'CTI_ENGINEERING', title: 'Ingénieur', country: 'FR', year: 2020 }],
  documentIds: ['cv-1', 'letter-1'],
  submittedAt: '2026-03-01T10:00:00.000Z',
};
const personal = { fullName: 'Camille Martin', email: 'camille@example.org' };

function openReview(eligibility: 'ELIGIBLE' | 'PENDING_EQUIVALENCE' = 'ELIGIBLE') {
  return command(
    'OpenReview',
    {
      candidacyId: 'cand-1',
      candidateId: 'person-1',
      programmeCode: 'MS-DATA',
      leadId: 'lead-1',
      eligibility,
      submissionRank: 7,
      fileSummary,
      personal,
    },
    OPENED_AT,
    SYSTEM,
  );
}

function opened(eligibility: 'ELIGIBLE' | 'PENDING_EQUIVALENCE' = 'ELIGIBLE'): ReviewEvent[] {
  return reviewDecider.decide(openReview(eligibility), reviewDecider.initialState());
}

const MOTIVATION = 'Solid engineering background, a clear project in data governance.';
const NOTES = 'Motivated, the professional goal fits the programme well.';

const scheduled = (startsAt = '2026-03-10T09:00:00.000Z'): ReviewEvent => ({
  type: 'InterviewScheduled',
  data: {
    candidacyId: 'cand-1',
    startsAt,
    mode: 'ONSITE',
    room: 'B-204',
    link: null,
    scheduledAt: '2026-03-03T08:00:00.000Z',
  },
});
const held = (conclusive: boolean): ReviewEvent => ({
  type: 'InterviewHeld',
  data: {
    candidacyId: 'cand-1',
    startsAt: '2026-03-10T09:00:00.000Z',
    conclusive,
    notes: NOTES,
    recordedAt: '2026-03-10T11:00:00.000Z',
  },
});
const opinionGiven = (opinion: 'FAVOURABLE' | 'UNFAVOURABLE', givenAt = '2026-03-11T08:00:00.000Z'): ReviewEvent => ({
  type: 'OpinionGiven',
  data: { candidacyId: 'cand-1', opinion, motivation: MOTIVATION, givenAt },
});
const admissible = (declaredAt: string, motivation = MOTIVATION): ReviewEvent => ({
  type: 'CandidateDeclaredAdmissible',
  data: {
    candidacyId: 'cand-1',
    candidateId: 'person-1',
    programmeCode: 'MS-DATA',
    submissionRank: 7,
    leadOpinion: { opinion: 'FAVOURABLE', motivation },
    declaredAt,
  },
});
const notAdmissible = (code: string, explanation: string, declaredAt: string): ReviewEvent =>
  ({
    type: 'CandidateDeclaredNotAdmissible',
    data: {
      candidacyId: 'cand-1',
      candidateId: 'person-1',
      programmeCode: 'MS-DATA',
      reason: { code, explanation },
      declaredAt,
    },
  }) as ReviewEvent;

describe('Review decider', () => {
  describe('opening and assignment', () => {
    it('REV-1: a submitted file opens a review assigned to the programme lead', () => {
      spec
        .given([])
        .when(openReview())
        .then([
          {
            type: 'ReviewOpened',
            data: {
              candidacyId: 'cand-1',
              candidateId: 'person-1',
              programmeCode: 'MS-DATA',
              eligibility: 'ELIGIBLE',
              submissionRank: 7,
              fileSummary,
              personal,
              openedAt: OPENED_AT,
            },
          },
          {
            type: 'ReviewAssigned',
            data: {
              candidacyId: 'cand-1',
              leadId: 'lead-1',
              previousLeadId: null,
              assignedAt: OPENED_AT,
            },
          },
        ]);
    });

    it('REV-1: a duplicate OpenReview for an opened review answers no events (idempotent)', () => {
      spec.given(opened()).when(openReview()).thenNothing();
    });

    it('REV-1: when the lead changes the file follows, and the former lead no longer sees it', () => {
      const reassign = command('ReassignReview', { leadId: 'lead-2' }, '2026-03-04T08:00:00.000Z', SYSTEM);
      const reassigned: ReviewEvent = {
        type: 'ReviewAssigned',
        data: {
          candidacyId: 'cand-1',
          leadId: 'lead-2',
          previousLeadId: 'lead-1',
          assignedAt: '2026-03-04T08:00:00.000Z',
        },
      };
      spec.given(opened()).when(reassign).then([reassigned]);
      spec
        .given([...opened(), reassigned])
        .when(command('ReassignReview', { leadId: 'lead-2' }, '2026-03-05T08:00:00.000Z', SYSTEM))
        .thenNothing();
      spec
        .given([...opened(), reassigned])
        .when(
          command('GiveOpinion', { opinion: 'FAVOURABLE', motivation: MOTIVATION }, '2026-03-05T08:00:00.000Z', LEAD),
        )
        .thenThrows(NotFoundError);
    });

    it('REV-1: only the assigned lead or an admin may act; another lead is told the review does not exist', () => {
      const give = (actor: Actor) =>
        command('GiveOpinion', { opinion: 'FAVOURABLE', motivation: MOTIVATION }, '2026-03-05T08:00:00.000Z', actor);
      spec.given(opened()).when(give(OTHER_LEAD)).thenThrows(NotFoundError);
      expect(
        spec
          .given(opened())
          .when(give(ADMIN))
          .events()
          .map((e) => e.type),
      ).toEqual(['OpinionGiven', 'CandidateDeclaredAdmissible']);
    });

    it('REV-1: a command on a review that was never opened is not found', () => {
      spec
        .given([])
        .when(command('ConfirmEquivalence', {}, '2026-03-05T08:00:00.000Z'))
        .thenThrows(NotFoundError);
    });
  });

  describe('interview (REV-2)', () => {
    const schedule = (
      data: {
        at: string;
        mode: 'ONSITE' | 'VIDEO';
        room?: string;
        link?: string;
      },
      now = '2026-03-03T08:00:00.000Z',
    ) => command('ScheduleInterview', data, now);

    it('REV-2: the lead schedules an onsite interview in the future, in a room', () => {
      spec
        .given(opened())
        .when(
          schedule({
            at: '2026-03-10T10:00:00+01:00',
            mode: 'ONSITE',
            room: ' B-204 ',
          }),
        )
        .then([scheduled()]);
    });

    it('REV-2: a video interview needs a link, an onsite one a room', () => {
      spec
        .given(opened())
        .when(schedule({ at: '2026-03-10T09:00:00Z', mode: 'VIDEO' }))
        .thenThrows(ValidationError, { ruleId: 'REV-2', field: 'link' });
      spec
        .given(opened())
        .when(
          schedule({
            at: '2026-03-10T09:00:00Z',
            mode: 'ONSITE',
            link: 'https://meet/x',
          }),
        )
        .thenThrows(ValidationError, { ruleId: 'REV-2', field: 'room' });
      expect(
        spec
          .given(opened())
          .when(
            schedule({
              at: '2026-03-10T09:00:00Z',
              mode: 'VIDEO',
              link: 'https://meet/x',
            }),
          )
          .events(),
      ).toEqual([
        {
          type: 'InterviewScheduled',
          data: {
            candidacyId: 'cand-1',
            startsAt: '2026-03-10T09:00:00.000Z',
            mode: 'VIDEO',
            room: null,
            link: 'https://meet/x',
            scheduledAt: '2026-03-03T08:00:00.000Z',
          },
        },
      ]);
    });

    it('REV-2: an interview in the past, or right now, is refused', () => {
      spec
        .given(opened())
        .when(
          schedule({
            at: '2026-03-03T07:59:59Z',
            mode: 'ONSITE',
            room: 'B-204',
          }),
        )
        .thenThrows(ValidationError, { ruleId: 'REV-2', field: 'at' });
      spec
        .given(opened())
        .when(
          schedule({
            at: '2026-03-03T08:00:00Z',
            mode: 'ONSITE',
            room: 'B-204',
          }),
        )
        .thenThrows(ValidationError, { ruleId: 'REV-2', field: 'at' });
      spec
        .given(opened())
        .when(schedule({ at: 'next tuesday', mode: 'ONSITE', room: 'B-204' }))
        .thenThrows(ValidationError, { field: 'at' });
    });

    it('REV-2: a second interview cannot be scheduled over a scheduled one', () => {
      spec
        .given([...opened(), scheduled()])
        .when(
          schedule({
            at: '2026-03-12T09:00:00Z',
            mode: 'ONSITE',
            room: 'B-204',
          }),
        )
        .thenThrows(IllegalStateError, { ruleId: 'REV-2' });
    });

    it('REV-2: an interview is rescheduled, then cancelled, then a new one scheduled', () => {
      const reschedule = command(
        'RescheduleInterview',
        { at: '2026-03-12T09:00:00Z', mode: 'VIDEO', link: 'https://meet/y' },
        '2026-03-05T08:00:00.000Z',
      );
      const rescheduled: ReviewEvent = {
        type: 'InterviewRescheduled',
        data: {
          candidacyId: 'cand-1',
          startsAt: '2026-03-12T09:00:00.000Z',
          mode: 'VIDEO',
          room: null,
          link: 'https://meet/y',
          previousStartsAt: '2026-03-10T09:00:00.000Z',
          rescheduledAt: '2026-03-05T08:00:00.000Z',
        },
      };
      spec
        .given([...opened(), scheduled()])
        .when(reschedule)
        .then([rescheduled]);

      const cancelled: ReviewEvent = {
        type: 'InterviewCancelled',
        data: {
          candidacyId: 'cand-1',
          reason: 'candidate ill',
          cancelledAt: '2026-03-06T08:00:00.000Z',
        },
      };
      spec
        .given([...opened(), scheduled(), rescheduled])
        .when(command('CancelInterview', { reason: 'candidate ill' }, '2026-03-06T08:00:00.000Z'))
        .then([cancelled]);
      expect(
        spec
          .given([...opened(), scheduled(), rescheduled, cancelled])
          .when(schedule({ at: '2026-03-20T09:00:00Z', mode: 'ONSITE', room: 'A-1' }, '2026-03-07T08:00:00.000Z'))
          .events()
          .map((e) => e.type),
      ).toEqual(['InterviewScheduled']);
    });

    it('REV-2: the outcome is recorded only for a scheduled, not cancelled interview, once it has taken place', () => {
      const outcome = (now: string) => command('RecordInterviewOutcome', { conclusive: true, notes: NOTES }, now);
      const cancelled: ReviewEvent = {
        type: 'InterviewCancelled',
        data: {
          candidacyId: 'cand-1',
          reason: null,
          cancelledAt: '2026-03-06T08:00:00.000Z',
        },
      };
      spec
        .given([...opened(), scheduled(), cancelled])
        .when(outcome('2026-03-10T11:00:00.000Z'))
        .thenThrows(IllegalStateError, { ruleId: 'REV-2' });
      spec.given(opened()).when(outcome('2026-03-10T11:00:00.000Z')).thenThrows(IllegalStateError, { ruleId: 'REV-2' });
      spec
        .given([...opened(), scheduled()])
        .when(outcome('2026-03-10T08:59:59.999Z'))
        .thenThrows(IllegalStateError, { ruleId: 'REV-2' });
      spec
        .given([...opened(), scheduled()])
        .when(outcome('2026-03-10T11:00:00.000Z'))
        .then([held(true)]);
      spec
        .given([...opened(), scheduled(), held(true)])
        .when(outcome('2026-03-10T12:00:00.000Z'))
        .thenThrows(IllegalStateError, { ruleId: 'REV-2' });
    });
  });

  describe('opinion (REV-3) and admissibility (REV-4)', () => {
    const give = (opinion: 'FAVOURABLE' | 'UNFAVOURABLE', motivation = MOTIVATION, now = '2026-03-11T08:00:00.000Z') =>
      command('GiveOpinion', { opinion, motivation }, now);

    it('REV-3: an opinion without a motivation of at least 30 characters is refused', () => {
      spec
        .given(opened())
        .when(give('FAVOURABLE', 'Good candidate, go ahead.    '))
        .thenThrows(ValidationError, { ruleId: 'REV-3', field: 'motivation' });
      spec
        .given(opened())
        .when(give('UNFAVOURABLE', ''))
        .thenThrows(ValidationError, { ruleId: 'REV-3', field: 'motivation' });
    });

    it('REV-3: the opinion is given once; a second one is refused', () => {
      spec
        .given([...opened(), opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')])
        .when(give('UNFAVOURABLE', MOTIVATION, '2026-03-12T08:00:00.000Z'))
        .thenThrows(IllegalStateError, { ruleId: 'REV-3' });
    });

    it('REV-3: a correction with a reason supersedes the opinion and re-declares admissibility when it changes', () => {
      const history = [...opened(), opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')];
      const correction = 'Missing prerequisites in statistics, not ready for this programme.';
      spec
        .given(history)
        .when(
          command(
            'CorrectOpinion',
            {
              opinion: 'UNFAVOURABLE',
              motivation: correction,
              reason: 'mixed up two files',
            },
            '2026-03-12T08:00:00.000Z',
          ),
        )
        .then([
          {
            type: 'OpinionCorrected',
            data: {
              candidacyId: 'cand-1',
              opinion: 'UNFAVOURABLE',
              motivation: correction,
              previous: { opinion: 'FAVOURABLE', motivation: MOTIVATION },
              reason: 'mixed up two files',
              correctedAt: '2026-03-12T08:00:00.000Z',
            },
          },
          notAdmissible('UNFAVOURABLE_OPINION', correction, '2026-03-12T08:00:00.000Z'),
        ]);
    });

    it('REV-3: a correction that keeps the outcome only supersedes the opinion; without a reason it is refused', () => {
      const history = [...opened(), opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')];
      const better = `${MOTIVATION} Strong references as well.`;
      expect(
        spec
          .given(history)
          .when(
            command(
              'CorrectOpinion',
              { opinion: 'FAVOURABLE', motivation: better, reason: 'typo' },
              '2026-03-12T08:00:00.000Z',
            ),
          )
          .events()
          .map((e) => e.type),
      ).toEqual(['OpinionCorrected']);
      spec
        .given(history)
        .when(
          command(
            'CorrectOpinion',
            { opinion: 'FAVOURABLE', motivation: better, reason: ' ' },
            '2026-03-12T08:00:00.000Z',
          ),
        )
        .thenThrows(ValidationError, { ruleId: 'REV-3', field: 'reason' });
      spec
        .given(opened())
        .when(
          command(
            'CorrectOpinion',
            { opinion: 'FAVOURABLE', motivation: better, reason: 'typo' },
            '2026-03-12T08:00:00.000Z',
          ),
        )
        .thenThrows(IllegalStateError, { ruleId: 'REV-3' });
    });

    it('REV-4: a favourable opinion without interview declares the candidate admissible', () => {
      spec
        .given(opened())
        .when(give('FAVOURABLE'))
        .then([opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')]);
    });

    it('REV-4: a favourable opinion after a conclusive interview declares the candidate admissible', () => {
      spec
        .given([...opened(), scheduled(), held(true)])
        .when(give('FAVOURABLE'))
        .then([opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')]);
    });

    it('REV-4: an inconclusive interview ends the candidacy as not admissible, with the interview notes as reason', () => {
      spec
        .given([...opened(), scheduled(), held(false)])
        .when(give('FAVOURABLE'))
        .then([opinionGiven('FAVOURABLE'), notAdmissible('INCONCLUSIVE_INTERVIEW', NOTES, '2026-03-11T08:00:00.000Z')]);
    });

    it('REV-4: an unfavourable opinion declares the candidate not admissible with its motivation', () => {
      spec
        .given(opened())
        .when(give('UNFAVOURABLE'))
        .then([
          opinionGiven('UNFAVOURABLE'),
          notAdmissible('UNFAVOURABLE_OPINION', MOTIVATION, '2026-03-11T08:00:00.000Z'),
        ]);
    });

    it('REV-4: while a scheduled interview has no outcome, the opinion is refused', () => {
      spec
        .given([...opened(), scheduled()])
        .when(give('FAVOURABLE'))
        .thenThrows(IllegalStateError, { ruleId: 'REV-4' });
    });

    it('REV-4: a cancelled interview counts as no interview', () => {
      const cancelled: ReviewEvent = {
        type: 'InterviewCancelled',
        data: {
          candidacyId: 'cand-1',
          reason: null,
          cancelledAt: '2026-03-06T08:00:00.000Z',
        },
      };
      spec
        .given([...opened(), scheduled(), cancelled])
        .when(give('FAVOURABLE'))
        .then([opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')]);
    });
  });

  describe('foreign diploma equivalence (ELIG-5)', () => {
    const give = (opinion: 'FAVOURABLE' | 'UNFAVOURABLE') =>
      command('GiveOpinion', { opinion, motivation: MOTIVATION }, '2026-03-11T08:00:00.000Z');
    const confirmed: ReviewEvent = {
      type: 'EquivalenceConfirmed',
      data: { candidacyId: 'cand-1', confirmedAt: '2026-03-04T08:00:00.000Z' },
    };

    it('ELIG-5: a favourable opinion while the equivalence is still pending is refused', () => {
      spec
        .given(opened('PENDING_EQUIVALENCE'))
        .when(give('FAVOURABLE'))
        .thenThrows(IllegalStateError, { ruleId: 'ELIG-5' });
    });

    it('ELIG-5: once the reviewer confirms the equivalence, a favourable opinion declares admissible', () => {
      spec
        .given(opened('PENDING_EQUIVALENCE'))
        .when(command('ConfirmEquivalence', {}, '2026-03-04T08:00:00.000Z'))
        .then([confirmed]);
      spec
        .given([...opened('PENDING_EQUIVALENCE'), confirmed])
        .when(give('FAVOURABLE'))
        .then([opinionGiven('FAVOURABLE'), admissible('2026-03-11T08:00:00.000Z')]);
    });

    it('ELIG-5: refusing the equivalence makes the candidate not admissible with the reason, calling off the interview', () => {
      spec
        .given([...opened('PENDING_EQUIVALENCE'), scheduled()])
        .when(command('RefuseEquivalence', { reason: 'Bac+3 level only' }, '2026-03-04T08:00:00.000Z'))
        .then([
          {
            type: 'InterviewCancelled',
            data: {
              candidacyId: 'cand-1',
              reason: 'EQUIVALENCE_REFUSED',
              cancelledAt: '2026-03-04T08:00:00.000Z',
            },
          },
          {
            type: 'EquivalenceRefused',
            data: {
              candidacyId: 'cand-1',
              reason: 'Bac+3 level only',
              refusedAt: '2026-03-04T08:00:00.000Z',
            },
          },
          notAdmissible('EQUIVALENCE_REFUSED', 'Bac+3 level only', '2026-03-04T08:00:00.000Z'),
        ]);
    });

    it('ELIG-5: there is nothing to confirm or refuse for a French diploma; a refusal needs a reason', () => {
      spec
        .given(opened())
        .when(command('ConfirmEquivalence', {}, '2026-03-04T08:00:00.000Z'))
        .thenThrows(IllegalStateError, { ruleId: 'ELIG-5' });
      spec
        .given(opened('PENDING_EQUIVALENCE'))
        .when(command('RefuseEquivalence', { reason: '' }, '2026-03-04T08:00:00.000Z'))
        .thenThrows(ValidationError, { ruleId: 'ELIG-5', field: 'reason' });
    });

    it('ELIG-5: an unfavourable opinion needs no equivalence decision', () => {
      expect(
        spec
          .given(opened('PENDING_EQUIVALENCE'))
          .when(give('UNFAVOURABLE'))
          .events()
          .map((e) => e.type),
      ).toEqual(['OpinionGiven', 'CandidateDeclaredNotAdmissible']);
    });
  });

  describe('withdrawal', () => {
    const close = (now = '2026-03-08T08:00:00.000Z') =>
      command('CloseReview', { reason: 'CANDIDACY_WITHDRAWN' }, now, SYSTEM);
    const closed: ReviewEvent = {
      type: 'ReviewClosed',
      data: {
        candidacyId: 'cand-1',
        reason: 'CANDIDACY_WITHDRAWN',
        closedAt: '2026-03-08T08:00:00.000Z',
      },
    };

    it('a withdrawn candidacy closes its review and calls off a scheduled interview', () => {
      spec
        .given([...opened(), scheduled()])
        .when(close())
        .then([
          {
            type: 'InterviewCancelled',
            data: {
              candidacyId: 'cand-1',
              reason: 'CANDIDACY_WITHDRAWN',
              cancelledAt: '2026-03-08T08:00:00.000Z',
            },
          },
          closed,
        ]);
    });

    it('a closed review refuses every action; a repeated close, or a close before opening, answers nothing', () => {
      spec
        .given([...opened(), closed])
        .when(command('GiveOpinion', { opinion: 'FAVOURABLE', motivation: MOTIVATION }, '2026-03-09T08:00:00.000Z'))
        .thenThrows(IllegalStateError);
      spec
        .given([...opened(), closed])
        .when(
          command(
            'ScheduleInterview',
            { at: '2026-03-20T09:00:00Z', mode: 'ONSITE', room: 'A' },
            '2026-03-09T08:00:00.000Z',
          ),
        )
        .thenThrows(IllegalStateError);
      spec
        .given([...opened(), closed])
        .when(
          command(
            'GiveOpinion',
            { opinion: 'FAVOURABLE', motivation: MOTIVATION },
            '2026-03-09T08:00:00.000Z',
            OTHER_LEAD,
          ),
        )
        .thenThrows(NotFoundError);
      spec
        .given([...opened(), closed])
        .when(close('2026-03-09T08:00:00.000Z'))
        .thenNothing();
      spec
        .given([...opened(), closed])
        .when(openReview())
        .thenNothing();
      spec.given([]).when(close()).thenNothing();
    });
  });
});
