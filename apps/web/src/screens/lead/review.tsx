import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Opinion, Review as ReviewView } from '../../api/types';
import { Alert, Field, SelectField, TextAreaField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { useDraft } from '../../draft';
import { formatInstant, fromParisTime } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';
import { EligibilityChecks } from '../../components/eligibility-checks';
import { CancelInterview } from './cancel-interview';

interface SectionProps {
  readonly review: ReviewView;
  readonly onChanged: () => void;
}

const path = (review: ReviewView, rest: string) => `/v1/reviews/${review.candidacyId}${rest}`;

/** A form's command whose draft is dropped once it succeeded (its form then gives way to the result). */
function useFormCommand(onChanged: () => void, clear: () => void) {
  return useCommand(() => {
    clear();
    onChanged();
  });
}

function FileSummary({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const summary = review.fileSummary;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('review.file')}</h2>
      <dl>
        <dt>{t('lead.candidate')}</dt>
        <dd>{review.personal?.fullName ?? review.candidateId}</dd>
        {review.personal && (
          <>
            <dt>{t('file.email')}</dt>
            <dd>{review.personal.email}</dd>
          </>
        )}
        <dt>{t('lead.programme')}</dt>
        <dd>{review.programmeCode}</dd>
        <dt>{t('lead.rank')}</dt>
        <dd>{review.submissionRank}</dd>
        {summary && (
          <>
            <dt>{t('lead.submittedAt')}</dt>
            <dd>{formatInstant(summary.submittedAt, language)}</dd>
            <dt>{t('file.experience')}</dt>
            <dd>{t('review.months', { count: summary.experienceMonths })}</dd>
            <dt>{t('file.diploma')}</dt>
            {summary.diplomas.map((d) => (
              <dd key={`${d.kind}-${d.year}-${d.title}`}>
                {t(`kinds.${d.kind}`, { defaultValue: d.kind })} — {d.title} ({d.country}, {d.year})
              </dd>
            ))}
          </>
        )}
      </dl>
      {summary && (
        <>
          <h3>{t('file.eligibility')}</h3>
          <EligibilityChecks checks={summary.eligibilityExplanation.checks} />
        </>
      )}
    </section>
  );
}

/** ELIG-5: a foreign diploma's level, confirmed or refused (with the reason) before a favourable opinion. */
function Equivalence({ review, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [form, setForm, clear] = useDraft(`equivalence.${review.candidacyId}`, { reason: '' });
  const confirm = useCommand(onChanged);
  const refuse = useFormCommand(onChanged, clear);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void refuse.run(() =>
      api('review', path(review, '/equivalence/refuse'), { method: 'POST', json: { reason: form.reason } }),
    );
  };
  const pending = review.equivalence === 'PENDING' && review.status === 'OPEN';
  return (
    <section aria-labelledby="equivalence-title">
      <h2 id="equivalence-title">{t('review.equivalence')}</h2>
      <p>{t(`review.equivalences.${review.equivalence}`)}</p>
      {review.equivalenceRefusal !== null && <p>{review.equivalenceRefusal}</p>}
      {pending && (
        <>
          <Alert text={unplaced(confirm.shown)} />
          <button
            type="button"
            disabled={confirm.busy}
            onClick={() =>
              void confirm.run(() => api('review', path(review, '/equivalence/confirm'), { method: 'POST' }))
            }
          >
            {t('review.confirmEquivalence')}
          </button>
          <form onSubmit={submit} aria-labelledby="refuse-title" noValidate>
            <h3 id="refuse-title">{t('review.refuseEquivalence')}</h3>
            <Alert text={unplaced(refuse.shown, ['reason'])} />
            <TextAreaField
              field="reason"
              label={t('review.refusalReason')}
              value={form.reason}
              onChange={(e) => setForm({ reason: e.target.value })}
              error={refuse.shown.fields.reason}
            />
            <button type="submit" disabled={refuse.busy}>
              {t('review.refuseEquivalence')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

const SLOT_FIELDS = ['at', 'mode', 'room', 'link'];

/** REV-2: when and where the lead meets the candidate, in Paris time; or, rescheduling, the new slot. */
function ScheduleInterview({ review, onChanged, rescheduling = false }: SectionProps & { rescheduling?: boolean }) {
  const { t } = useTranslation();
  const { interview } = review;
  const [form, setForm, clear] = useDraft(`${rescheduling ? 'reschedule' : 'interview'}.${review.candidacyId}`, {
    at: '',
    mode: interview.mode ?? 'VIDEO',
    room: interview.room ?? '',
    link: interview.link ?? '',
  });
  const { shown, busy, run } = useFormCommand(onChanged, clear);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const place = form.mode === 'ONSITE' ? { room: form.room } : { link: form.link };
    void run(() =>
      api('review', path(review, '/interview'), {
        method: rescheduling ? 'PUT' : 'POST',
        json: { at: fromParisTime(form.at), mode: form.mode, ...place },
      }),
    );
  };
  const title = t(rescheduling ? 'review.reschedule' : 'review.schedule');
  return (
    <form onSubmit={submit} aria-labelledby="schedule-title" noValidate>
      <h3 id="schedule-title">{title}</h3>
      <Alert text={unplaced(shown, SLOT_FIELDS)} />
      <Field
        field="at"
        label={t('review.at')}
        type="datetime-local"
        value={form.at}
        onChange={set('at')}
        error={shown.fields.at}
      />
      <SelectField
        field="mode"
        label={t('review.mode')}
        value={form.mode}
        onChange={set('mode')}
        error={shown.fields.mode}
      >
        <option value="VIDEO">{t('review.modes.VIDEO')}</option>
        <option value="ONSITE">{t('review.modes.ONSITE')}</option>
      </SelectField>
      {form.mode === 'ONSITE' ? (
        <Field
          field="room"
          label={t('review.room')}
          value={form.room}
          onChange={set('room')}
          error={shown.fields.room}
        />
      ) : (
        <Field
          field="link"
          label={t('review.link')}
          type="url"
          value={form.link}
          onChange={set('link')}
          error={shown.fields.link}
        />
      )}
      <button type="submit" className="primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}

/** REV-2, REV-4: whether the interview held was conclusive, with the lead's notes. */
function InterviewOutcome({ review, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [form, setForm, clear] = useDraft(`outcome.${review.candidacyId}`, { conclusive: 'true', notes: '' });
  const { shown, busy, run } = useFormCommand(onChanged, clear);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      api('review', path(review, '/interview/outcome'), {
        method: 'POST',
        json: { conclusive: form.conclusive === 'true', notes: form.notes },
      }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="outcome-title" noValidate>
      <h3 id="outcome-title">{t('review.outcome')}</h3>
      <Alert text={unplaced(shown, ['conclusive', 'notes'])} />
      <SelectField
        field="conclusive"
        label={t('review.conclusiveLabel')}
        value={form.conclusive}
        onChange={(e) => setForm({ ...form, conclusive: e.target.value })}
        error={shown.fields.conclusive}
      >
        <option value="true">{t('review.conclusive.true')}</option>
        <option value="false">{t('review.conclusive.false')}</option>
      </SelectField>
      <TextAreaField
        field="notes"
        label={t('review.notes')}
        value={form.notes}
        onChange={(e) => setForm({ ...form, notes: e.target.value })}
        error={shown.fields.notes}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('review.recordOutcome')}
      </button>
    </form>
  );
}

function Interview({ review, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { interview } = review;
  const open = review.status === 'OPEN';
  const place = interview.mode === 'ONSITE' ? interview.room : interview.link;
  return (
    <section aria-labelledby="interview-title">
      <h2 id="interview-title">{t('review.interview')}</h2>
      <p>{t(`review.interviews.${interview.status}`)}</p>
      {interview.startsAt !== null && interview.mode !== null && (
        <p>
          {t('review.slot', {
            date: formatInstant(interview.startsAt, language),
            mode: t(`review.modes.${interview.mode}`),
            place,
          })}
        </p>
      )}
      {interview.status === 'HELD' && interview.conclusive !== null && (
        <p>
          <strong>{t(`review.conclusive.${interview.conclusive}`)}</strong>
          {interview.notes !== null && interview.notes !== '' && (
            <>
              {t('common.colon')}
              {interview.notes}
            </>
          )}
        </p>
      )}
      {open && (interview.status === 'NONE' || interview.status === 'CANCELLED') && (
        <ScheduleInterview review={review} onChanged={onChanged} />
      )}
      {open && interview.status === 'SCHEDULED' && <InterviewOutcome review={review} onChanged={onChanged} />}
      {open && interview.status === 'SCHEDULED' && (
        <details>
          <summary>{t('review.changeInterview')}</summary>
          <ScheduleInterview review={review} onChanged={onChanged} rescheduling />
          <CancelInterview review={review} onChanged={onChanged} />
        </details>
      )}
    </section>
  );
}

/** REV-3: the reasoned opinion given, or corrected with the reason why (a correction supersedes it). */
function OpinionForm({ review, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const correcting = review.opinion !== null;
  const prefix = correcting ? 'correction.' : '';
  const [form, setForm, clear] = useDraft(`${prefix}opinion.${review.candidacyId}`, {
    opinion: review.opinion?.opinion ?? ('FAVOURABLE' as Opinion),
    motivation: '',
    reason: '',
  });
  const { shown, busy, run } = useFormCommand(onChanged, clear);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { reason, ...opinion } = form;
    void run(() =>
      correcting
        ? api('review', path(review, '/opinion/correction'), { method: 'POST', json: { ...opinion, reason } })
        : api('review', path(review, '/opinion'), { method: 'POST', json: opinion }),
    );
  };
  const title = t(correcting ? 'review.correctOpinion' : 'review.giveOpinion');
  return (
    <form onSubmit={submit} aria-label={title} noValidate>
      <Alert text={unplaced(shown, correcting ? ['opinion', 'motivation', 'reason'] : ['opinion', 'motivation'])} />
      <SelectField
        field={`${prefix}opinion`}
        label={t('review.opinionLabel')}
        value={form.opinion}
        onChange={(e) => setForm({ ...form, opinion: e.target.value as Opinion })}
        error={shown.fields.opinion}
      >
        <option value="FAVOURABLE">{t('review.opinions.FAVOURABLE')}</option>
        <option value="UNFAVOURABLE">{t('review.opinions.UNFAVOURABLE')}</option>
      </SelectField>
      <TextAreaField
        field={`${prefix}motivation`}
        label={t('review.motivation')}
        value={form.motivation}
        onChange={(e) => setForm({ ...form, motivation: e.target.value })}
        error={shown.fields.motivation}
      />
      {correcting && (
        <TextAreaField
          field={`${prefix}reason`}
          label={t('review.correctionReason')}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          error={shown.fields.reason}
        />
      )}
      <button type="submit" className="primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}

/** REV-3, REV-4: the reasoned opinion and its corrections; admissibility is declared with it. */
function ReasonedOpinion({ review, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const given = review.opinion;
  return (
    <section aria-labelledby="opinion-title">
      <h2 id="opinion-title">{t('review.opinion')}</h2>
      {given === null ? (
        review.status === 'OPEN' && <OpinionForm review={review} onChanged={onChanged} />
      ) : (
        <>
          <p>
            <strong>{t(`review.opinions.${given.opinion}`)}</strong> —{' '}
            {t('review.givenAt', { date: formatInstant(given.givenAt, language) })}
          </p>
          <blockquote>{given.motivation}</blockquote>
          {review.corrections.length > 0 && (
            <ul>
              {review.corrections.map((c) => (
                <li key={c.correctedAt}>
                  {t('review.corrected', { date: formatInstant(c.correctedAt, language), reason: c.reason })}
                </li>
              ))}
            </ul>
          )}
          {review.status !== 'CLOSED' && (
            <details>
              <summary>{t('review.correctOpinion')}</summary>
              {/* A fresh form after each correction: its draft went with it. */}
              <OpinionForm key={review.corrections.length} review={review} onChanged={onChanged} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** One file as its lead examines it: the summary, the equivalence, the interview and the opinion. */
export default function Review({ candidacyId }: { candidacyId: string }) {
  const { t } = useTranslation();
  const { value: review, shown, load } = useRead<ReviewView>('review', `/v1/reviews/${candidacyId}`);

  return (
    <>
      <ScreenTitle>{t('review.title')}</ScreenTitle>
      <p>
        <a href="#/worklist">{t('review.back')}</a>
      </p>
      <Alert text={shown.general} />
      {review === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      {review && (
        <>
          <p className="status" role="status">
            {t('review.status', { status: t(`review.statuses.${review.status}`) })}
          </p>
          {review.notAdmissibleReason !== null && (
            <p>
              {t(`review.reasons.${review.notAdmissibleReason.code}`, {
                defaultValue: review.notAdmissibleReason.explanation,
              })}
            </p>
          )}
          <FileSummary review={review} />
          {review.equivalence !== 'NOT_REQUIRED' && <Equivalence review={review} onChanged={load} />}
          <Interview review={review} onChanged={load} />
          <ReasonedOpinion review={review} onChanged={load} />
        </>
      )}
    </>
  );
}
