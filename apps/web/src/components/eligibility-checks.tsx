import { useTranslation } from 'react-i18next';
import type { EligibilityCheck } from '../api/types';

/** Each eligibility rule of a file with its verdict, as the candidate and the lead both read them. */
export function EligibilityChecks({ checks }: { readonly checks: readonly EligibilityCheck[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {checks.map((check) => (
        <li key={check.ruleId}>
          {check.ruleId} — {t(`rules.${check.ruleId}`, { defaultValue: check.reason })}
          {t('common.colon')}
          <strong>{t(check.passed ? 'rules.passed' : 'rules.failed')}</strong>
        </li>
      ))}
    </ul>
  );
}
