import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, upload } from '../../api/client';
import type { Application } from '../../api/types';
import { Alert } from '../../components/field';
import { NOTHING_SHOWN, type Shown, showProblem, unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { proposalOutcome, ReferralSummary } from './referral-summary';
import type { Referral } from './referral-types';

// REC-3's refusals name the upload's field or the reference's: both are the transcript input here.
const TRANSCRIPT_FIELDS = ['file', 'transcriptDocumentRef'];

/** REC-1..3: the candidate refused everywhere refers the case, with the bachelor transcript. */
function FileReferral({ onFiled }: { onFiled: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number>();
  const { shown, busy, run } = useCommand(onFiled);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('file');
    void run(async () => {
      let transcriptDocumentRef: string | null = null;
      // No file: the service answers REC-3 itself, under the field.
      if (chosen instanceof File && chosen.size > 0) {
        const form = new FormData();
        form.set('file', chosen);
        setProgress(0);
        const uploaded = await upload<{ transcriptDocumentRef: string }>(
          'jury',
          '/v1/referrals/me/transcript',
          form,
          setProgress,
        ).finally(() => setProgress(undefined));
        transcriptDocumentRef = uploaded.transcriptDocumentRef;
      }
      await api('jury', '/v1/referrals', { method: 'POST', json: { transcriptDocumentRef } });
    });
  };
  const fieldError = TRANSCRIPT_FIELDS.map((field) => shown.fields[field]).find((text) => text !== undefined);
  return (
    <form onSubmit={submit} aria-labelledby="file-referral-title" noValidate>
      <h3 id="file-referral-title">{t('referral.file')}</h3>
      <p>{t('referral.fileHelp')}</p>
      <Alert text={unplaced(shown, TRANSCRIPT_FIELDS)} />
      <div className="field">
        <label htmlFor="referral-transcript">{t('referral.transcript')}</label>
        <input
          id="referral-transcript"
          name="file"
          type="file"
          accept="application/pdf"
          aria-invalid={fieldError !== undefined ? true : undefined}
          aria-describedby={fieldError !== undefined ? 'referral-transcript-error' : undefined}
        />
        {fieldError !== undefined && (
          <p id="referral-transcript-error" className="field-error">
            {fieldError}
          </p>
        )}
      </div>
      {progress !== undefined && <progress value={progress} max={1} aria-label={t('referral.uploading')} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('referral.fileButton')}
      </button>
    </form>
  );
}

/** REC-7: the proposals, each accepted with one button; accepting one declines the others. */
function Proposals({ referral, onChanged }: { referral: Referral; onChanged: () => void }) {
  const { t } = useTranslation();
  const answer = useCommand(onChanged);
  const accept = (proposalId: string) =>
    void answer.run(() =>
      api('jury', `/v1/referrals/me/proposals/${encodeURIComponent(proposalId)}/acceptance`, { method: 'POST' }),
    );
  return (
    <>
      <h3 id="my-proposals-title">{t('referral.proposals')}</h3>
      <Alert text={unplaced(answer.shown)} />
      <ul aria-labelledby="my-proposals-title">
        {referral.proposals.map(({ proposalId, programmeCode }) => {
          const outcome = proposalOutcome(referral, proposalId);
          return (
            <li key={proposalId}>
              {programmeCode}
              {outcome !== undefined && <> — {t(`referral.outcomes.${outcome}`)}</>}{' '}
              {referral.status === 'AWAITING_ANSWER' && (
                <button type="button" disabled={answer.busy} onClick={() => accept(proposalId)}>
                  {t('referral.accept', { code: programmeCode })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The candidate's referral to the rectorate (REC-1..7), shown apart from the file as the decisions are. */
export function CandidateReferral() {
  const { t } = useTranslation();
  // undefined while loading; null when none is filed.
  const [referral, setReferral] = useState<Referral | null>();
  const [applications, setApplications] = useState<readonly Application[]>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const load = useCallback(() => {
    api<Referral>('jury', '/v1/referrals/me').then(
      (read) => {
        setReferral(read);
        setShown(NOTHING_SHOWN);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.problem.status === 404) setReferral(null);
        else setShown(showProblem(t, error));
      },
    );
    api<Application[]>('jury', '/v1/me/applications').then(setApplications, () => setApplications([]));
  }, [t]);
  useEffect(load, [load]);
  // REC-1: only a candidate whose every answer is negative may refer; the service judges it again.
  const refusedEverywhere =
    applications !== undefined && applications.length > 0 && applications.every((a) => a.outcome === 'REJECTED');
  if (referral === null && !refusedEverywhere) return null;
  if (referral === undefined && shown.general === undefined) return null;
  return (
    <section aria-labelledby="referral-section-title">
      <h2 id="referral-section-title">{t('referral.title')}</h2>
      <Alert text={shown.general} />
      {referral === null && <FileReferral onFiled={load} />}
      {referral && (
        <>
          <ReferralSummary referral={referral} />
          {/* REC-5: the proposals reach the candidate once all are made (three, or completed). */}
          {referral.status === 'FILED' ? (
            <p>{t('referral.waitingProposals')}</p>
          ) : (
            <Proposals referral={referral} onChanged={load} />
          )}
        </>
      )}
    </section>
  );
}
