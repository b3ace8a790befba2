import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CandidateSpace, FileEntry, Programme } from '../../api/types';
import { Alert } from '../../components/field';
import { NOTHING_SHOWN, type Shown, showProblem, unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { draftFile } from '../catalogue';
import { ScreenTitle } from '../heading';
import { Checklist } from './checklist';
import { DocumentsForm } from './documents-form';
import { DiplomaForm, ExperienceForm, IdentityForm, ProgrammeForm } from './file-forms';
import { WithdrawFile } from './withdraw-file';

/** The candidate's latest file: edited while a draft, then read-only once submitted. */
export function CandidateFile() {
  const { t } = useTranslation();
  const [file, setFile] = useState<CandidateSpace | null>();
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);

  const load = useCallback(async () => {
    try {
      const files = await api<FileEntry[]>('candidacy', '/v1/candidacies');
      const latest = [...files].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
      setFile(
        latest === undefined ? null : await api<CandidateSpace>('candidacy', `/v1/candidacies/${latest.candidacyId}`),
      );
    } catch (error) {
      setShown(showProblem(t, error));
    }
  }, [t]);

  useEffect(() => {
    void load();
    api<Programme[]>('candidacy', '/v1/programmes').then(setProgrammes, () => undefined);
  }, [load]);

  const reload = () => void load();
  const start = useCommand(reload);
  const submission = useCommand(reload);

  return (
    <>
      <ScreenTitle>{t('file.title')}</ScreenTitle>
      <Alert text={shown.general} />
      {file === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      {file === null && (
        <>
          <p>{t('file.none')}</p>
          <Alert text={unplaced(start.shown)} />
          <button type="button" onClick={() => void start.run(draftFile)}>
            {t('file.start')}
          </button>
        </>
      )}
      {file && (
        <>
          <p className="status">{t('file.status', { status: t(`statuses.${file.status}`) })}</p>
          {file.status !== 'WITHDRAWN' && <WithdrawFile file={file} onChanged={reload} />}
          {file.status === 'DRAFT' ? (
            <div className="sections">
              <IdentityForm file={file} onChanged={reload} />
              <DiplomaForm file={file} onChanged={reload} />
              <ExperienceForm file={file} onChanged={reload} />
              <ProgrammeForm file={file} onChanged={reload} programmes={programmes} />
              <DocumentsForm file={file} onChanged={reload} />
              <Checklist file={file} />
              <section aria-labelledby="submit-title">
                <h2 id="submit-title" className="visually-hidden">
                  {t('file.submit')}
                </h2>
                <Alert text={unplaced(submission.shown)} />
                <button
                  type="button"
                  className="primary"
                  disabled={submission.busy}
                  onClick={() =>
                    void submission.run(() =>
                      api('candidacy', `/v1/candidacies/${file.candidacyId}/submission`, { method: 'POST' }),
                    )
                  }
                >
                  {t('file.submit')}
                </button>
              </section>
            </div>
          ) : (
            <>
              {file.submittedAt !== undefined && (
                <p role="status">{t('file.submitted', { date: formatInstant(file.submittedAt, currentLanguage()) })}</p>
              )}
              <p>{t('file.readOnly')}</p>
              <p>
                <a href={`#/space/${file.candidacyId}`}>{t('nav.space')}</a>
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}
