import { useTranslation } from 'react-i18next';
import type { CandidateSpace } from '../../api/types';
import { EligibilityChecks } from '../../components/eligibility-checks';

/** What the file still lacks (CAND-2) and the eligibility explained rule by rule (ELIG-6). */
export function Checklist({ file }: { file: CandidateSpace }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('file.checklist')}</h2>
      {file.missing.length === 0 ? (
        <p>{t('file.complete')}</p>
      ) : (
        <ul>
          {file.missing.map((part) => (
            <li key={part}>{t(`missing.${part}`, { defaultValue: part })}</li>
          ))}
        </ul>
      )}
      {file.eligibility !== undefined && (
        <>
          <h3>
            {t('file.eligibility')}
            {t('common.colon')}
            {t(`statuses.${file.eligibility.status}`)}
          </h3>
          <EligibilityChecks checks={file.eligibility.checks} />
        </>
      )}
    </section>
  );
}
