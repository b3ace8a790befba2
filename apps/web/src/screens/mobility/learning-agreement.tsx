import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert, Field } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useDraft } from '../../draft';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import type { AgreementVersion, Course, Plan } from './types';

const SIDE_BY_SIDE = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
  gap: '1rem',
  listStyle: 'none',
  padding: 0,
} as const;

/** One version, with what it adds to and removes from the one before. */
function Version({ version, before }: { version: AgreementVersion; before?: AgreementVersion }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = `la-version-${version.version}`;
  const codesBefore = new Set(before?.courses.map((course) => course.code));
  const codesNow = new Set(version.courses.map((course) => course.code));
  const removed = before?.courses.filter((course) => !codesNow.has(course.code)) ?? [];
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('mobility.version', { version: version.version })} — {t(`mobility.versionStatuses.${version.status}`)}
      </h3>
      <p>
        {formatInstant(version.proposedAt, language)}
        {version.duringMobility && `, ${t('mobility.duringMobility')}`}
      </p>
      <table>
        <caption className="visually-hidden">{t('mobility.version', { version: version.version })}</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">{t('mobility.name')}</th>
            <th scope="col">ECTS</th>
          </tr>
        </thead>
        <tbody>
          {version.courses.map((course) => (
            <tr key={course.code}>
              <td>{course.code}</td>
              <td>
                {course.title}
                {before && !codesBefore.has(course.code) && <strong> ({t('mobility.added')})</strong>}
              </td>
              <td>{course.ects}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {removed.length > 0 && (
        <p>
          {t('mobility.removed', { courses: removed.map((course) => `${course.code} ${course.title}`).join(', ') })}
        </p>
      )}
      <p className="status">{t('mobility.total', { ects: version.totalEcts })}</p>
    </li>
  );
}

interface CourseDraft {
  readonly code: string;
  readonly title: string;
  readonly ects: string;
}

const toDraft = (course: Course): CourseDraft => ({ ...course, ects: String(course.ects) });
const EMPTY_COURSE: CourseDraft = { code: '', title: '', ects: '' };

/** The student proposes a new version before departure, or changes the courses during the mobility. */
function CoursesForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const latest = plan.learningAgreement.at(-1);
  const [draft, setDraft, clear] = useDraft(`learning-agreement.${plan.planId}`, {
    courses: latest ? latest.courses.map(toDraft) : [EMPTY_COURSE],
  });
  const { shown, busy, done, run } = useCommand(() => {
    clear();
    onDone();
  });
  const during = plan.status === 'in_mobility';
  const courses = draft.courses;
  const setCourse = (index: number, change: Partial<CourseDraft>) =>
    setDraft({ courses: courses.map((course, i) => (i === index ? { ...course, ...change } : course)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const json = {
      courses: courses.map((course) => ({
        code: course.code,
        title: course.title,
        ects: course.ects.trim() === '' ? null : Number(course.ects),
      })),
    };
    const path = `/v1/plans/${plan.planId}/learning-agreement/${during ? 'changes' : 'proposals'}`;
    void run(() => api('mobility', path, { method: 'POST', json }));
  };
  const placed = courses.flatMap((_, i) => [
    `courses[${i}]`,
    `courses[${i}].code`,
    `courses[${i}].title`,
    `courses[${i}].ects`,
  ]);
  const title = during ? t('mobility.changeTitle') : t('mobility.proposalTitle');
  return (
    <form onSubmit={submit} aria-labelledby="courses-form-title" noValidate>
      <h3 id="courses-form-title">{title}</h3>
      <Alert text={unplaced(shown, ['courses', ...placed])} />
      {shown.fields.courses && <p className="field-error">{shown.fields.courses}</p>}
      {courses.map((course, index) => {
        const n = index + 1;
        return (
          <fieldset key={index}>
            <legend>{t('mobility.course', { n })}</legend>
            <Field
              field={`courses[${index}].code`}
              label={t('mobility.courseCode', { n })}
              value={course.code}
              onChange={(e) => setCourse(index, { code: e.target.value })}
              error={shown.fields[`courses[${index}].code`] ?? shown.fields[`courses[${index}]`]}
            />
            <Field
              field={`courses[${index}].title`}
              label={t('mobility.courseTitle', { n })}
              value={course.title}
              onChange={(e) => setCourse(index, { title: e.target.value })}
              error={shown.fields[`courses[${index}].title`]}
            />
            <Field
              field={`courses[${index}].ects`}
              label={t('mobility.courseEcts', { n })}
              inputMode="decimal"
              value={course.ects}
              onChange={(e) => setCourse(index, { ects: e.target.value })}
              error={shown.fields[`courses[${index}].ects`]}
            />
            {courses.length > 1 && (
              <button type="button" onClick={() => setDraft({ courses: courses.filter((_, i) => i !== index) })}>
                {t('mobility.removeCourse', { n })}
              </button>
            )}
          </fieldset>
        );
      })}
      <p>
        <button type="button" onClick={() => setDraft({ courses: [...courses, EMPTY_COURSE] })}>
          {t('mobility.addCourse')}
        </button>
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {during ? t('mobility.changeVersion') : t('mobility.proposeVersion')}
      </button>
      <p role="status" className="saved">
        {done ? t('common.saved') : ''}
      </p>
    </form>
  );
}

/** MOB-5 / MOB-6: the study advisor approves the version awaiting approval (30 / 60 ECTS). */
function ApproveVersion({ plan, version, onDone }: { plan: Plan; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { shown, busy, run } = useCommand(onDone);
  const approve = () =>
    void run(() =>
      api('mobility', `/v1/plans/${plan.planId}/learning-agreement/approvals`, { method: 'POST', json: { version } }),
    );
  return (
    <div>
      <Alert text={unplaced(shown)} />
      <button type="button" className="primary" disabled={busy} onClick={approve}>
        {t('mobility.approveVersion', { version })}
      </button>
    </div>
  );
}

/** The learning agreement of an exchange: every version side by side, the student's proposal, the advisor's approval. */
export function LearningAgreement(props: { plan: Plan; roles: readonly string[]; onChanged: () => void }) {
  const { plan, roles, onChanged } = props;
  const { t } = useTranslation();
  const versions = plan.learningAgreement;
  const awaiting = versions.at(-1)?.status === 'PROPOSED' ? versions.at(-1) : undefined;
  const open = plan.status === 'proposed' || plan.status === 'in_mobility';
  return (
    <section aria-labelledby="la-title">
      <h2 id="la-title">{t('mobility.laTitle')}</h2>
      {versions.length === 0 ? (
        <p>{t('mobility.laNone')}</p>
      ) : (
        <ol style={SIDE_BY_SIDE} aria-label={t('mobility.laCaption')}>
          {versions.map((version, index) => (
            <Version key={version.version} version={version} before={versions[index - 1]} />
          ))}
        </ol>
      )}
      {open && awaiting && roles.includes('study-advisor') && (
        <ApproveVersion plan={plan} version={awaiting.version} onDone={onChanged} />
      )}
      {open && roles.includes('student') && <CoursesForm key={versions.length} plan={plan} onDone={onChanged} />}
    </section>
  );
}
