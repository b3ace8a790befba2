import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { FileEntry, Programme } from '../api/types';
import { Alert } from '../components/field';
import { NOTHING_SHOWN, type Shown, showProblem } from '../components/problems';
import { formatDay, formatInstant } from '../format';
import { currentLanguage } from '../i18n/i18n';
import { go } from '../routes';
import { ScreenTitle } from './heading';

/** The candidate's file in progress, opened if there is none. */
export async function draftFile(): Promise<string> {
  const files = await api<FileEntry[]>('candidacy', '/v1/candidacies');
  const draft = files.find((file) => file.status === 'DRAFT');
  if (draft !== undefined) return draft.candidacyId;
  return (await api<{ candidacyId: string }>('candidacy', '/v1/candidacies', { method: 'POST' })).candidacyId;
}

export function Catalogue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [programmes, setProgrammes] = useState<Programme[]>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const [refusals, setRefusals] = useState<Record<string, string>>({});

  useEffect(() => {
    api<Programme[]>('candidacy', '/v1/programmes').then(setProgrammes, (error) => setShown(showProblem(t, error)));
  }, [t]);

  const apply = async (code: string) => {
    try {
      const id = await draftFile();
      await api('candidacy', `/v1/candidacies/${id}/programme`, { method: 'PUT', json: { programmeCode: code } });
      go('/file');
    } catch (error) {
      const problem = showProblem(t, error);
      setRefusals({ [code]: problem.general ?? Object.values(problem.fields)[0] ?? '' });
    }
  };

  return (
    <>
      <ScreenTitle>{t('catalogue.title')}</ScreenTitle>
      <Alert text={shown.general} />
      {programmes === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      <ul className="cards">
        {programmes?.map((p) => (
          <li key={p.code} className="card">
            <h2>{language === 'fr' ? p.nameFr : p.nameEn}</h2>
            <p>
              <strong>{p.code}</strong> · {t('catalogue.places', { count: p.places })} ·{' '}
              {t('catalogue.intake', { date: formatDay(p.intakeDate, language) })}
            </p>
            <p>{t('catalogue.closes', { date: formatInstant(p.applicationWindow.closesAt, language) })}</p>
            <button
              type="button"
              onClick={() => void apply(p.code)}
              aria-describedby={refusals[p.code] ? `refusal-${p.code}` : undefined}
            >
              {t('catalogue.apply', { code: p.code })}
            </button>
            {refusals[p.code] && (
              <p id={`refusal-${p.code}`} role="alert" className="field-error">
                {refusals[p.code]}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
