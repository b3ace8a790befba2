import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Application, CandidateSpace as Space, FileEntry } from '../api/types';
import { Alert } from '../components/field';
import { NOTHING_SHOWN, type Shown, showProblem, unplaced } from '../components/problems';
import { useCommand } from '../components/use-command';
import { formatInstant, timeLeft } from '../format';
import { currentLanguage } from '../i18n/i18n';
import { WhyDecision } from './decision/why-decision';
import { ScreenTitle } from './heading';
import { CandidateReferral } from './rectorate/candidate-referral';

/** Ticks every minute, for the countdown to an offer's deadline. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Offer({ application, onChanged }: { application: Application; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const now = useNow();
  const answer = useCommand(onChanged);
  const { programmeCode: code, offerId, enrolBy } = application;
  if (offerId === null || enrolBy === null) return null;
  const act = (what: 'enrolment' | 'decline') =>
    void answer.run(() => api('jury', `/v1/programmes/${code}/offers/${offerId}/${what}`, { method: 'POST' }));
  return (
    <section aria-labelledby={`offer-${offerId}`} className="card">
      <h3 id={`offer-${offerId}`}>{t('space.offer', { code })}</h3>
      <p>
        <strong>{t('space.enrolBy', { date: formatInstant(enrolBy, language) })}</strong>
      </p>
      <p>{t('space.left', timeLeft(enrolBy, now))}</p>
      <Alert text={unplaced(answer.shown)} />
      <button type="button" className="primary" disabled={answer.busy} onClick={() => act('enrolment')}>
        {t('space.enrol')}
      </button>{' '}
      <button type="button" disabled={answer.busy} onClick={() => act('decline')}>
        {t('space.decline')}
      </button>
    </section>
  );
}

/** The jury's part: shown apart, so that the file still shows when the jury service does not answer. */
function Decisions({ candidacyId }: { candidacyId: string }) {
  const { t } = useTranslation();
  const [applications, setApplications] = useState<Application[]>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const load = useCallback(() => {
    api<Application[]>('jury', '/v1/me/applications').then(setApplications, (error) => setShown(showProblem(t, error)));
  }, [t]);
  useEffect(load, [load]);
  const mine = applications?.filter((a) => a.candidacyId === candidacyId) ?? [];
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('space.decision')}</h2>
      <Alert text={shown.general} />
      {applications !== undefined && mine.length === 0 && <p>{t('space.noDecision')}</p>}
      {mine.map((a) => (
        <div key={a.programmeCode}>
          <p>
            {a.programmeCode}
            {t('common.colon')}
            <strong>{t(`statuses.${a.outcome}`, { defaultValue: a.outcome })}</strong>
            {a.waitingListRank !== null && <> — {t('space.waitlisted', { rank: a.waitingListRank })}</>}
          </p>
          {a.decisionId !== null && <WhyDecision decisionId={a.decisionId} />}
          {a.outcome === 'ADMITTED' && <Offer application={a} onChanged={load} />}
        </div>
      ))}
    </section>
  );
}

/** The candidate space (CAND-1): where the file stands, its timeline, the jury's decision and offer. */
export function CandidateSpace({ candidacyId }: { candidacyId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [space, setSpace] = useState<Space>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);

  useEffect(() => {
    const load = async () => {
      let id = candidacyId;
      if (id === undefined) {
        const files = await api<FileEntry[]>('candidacy', '/v1/candidacies');
        id = [...files].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0]?.candidacyId;
      }
      if (id !== undefined) setSpace(await api<Space>('candidacy', `/v1/candidacies/${id}`));
      else setShown({ fields: {}, general: t('file.none') });
    };
    load().catch((error: unknown) => setShown(showProblem(t, error)));
  }, [candidacyId, t]);

  return (
    <>
      <ScreenTitle>{t('space.title')}</ScreenTitle>
      <Alert text={shown.general} />
      <CandidateReferral />
      {space && (
        <>
          <p className="status">
            {t('file.status', { status: t(`statuses.${space.status}`) })}
            {space.programmeCode !== undefined && <> — {space.programmeCode}</>}
          </p>
          {space.rank !== undefined && <p>{t('space.rank', { rank: space.rank })}</p>}
          <Decisions candidacyId={space.candidacyId} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('space.timeline')}</h2>
            <ol className="timeline">
              {space.timeline.map((entry) => (
                <li key={`${entry.type}-${entry.at}`}>
                  <time dateTime={entry.at}>{formatInstant(entry.at, language)}</time> —{' '}
                  {t(`timeline.${entry.type}`, { defaultValue: entry.summary })}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
