import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import type { Referral } from './referral-types';

/** Where a referral stands (REC-4..7), as the candidate and the rectorate officer both see it. */
export function ReferralSummary({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const at = (iso: string) => formatInstant(iso, language);
  return (
    <>
      <p className="status">{t('referral.status', { status: t(`referral.statuses.${referral.status}`) })}</p>
      <dl>
        <dt>{t('referral.filedAt')}</dt>
        <dd>
          <time dateTime={referral.filedAt}>{at(referral.filedAt)}</time>
        </dd>
        <dt>{t('referral.acknowledgement')}</dt>
        <dd>{t(referral.acknowledged ? 'referral.acknowledged' : 'referral.notAcknowledged')}</dd>
        <dt>{t('referral.proposalsDueBy')}</dt>
        <dd>
          <time dateTime={referral.proposalsDueBy}>{at(referral.proposalsDueBy)}</time>
        </dd>
        {referral.answerDueAt !== undefined && (
          <>
            <dt>{t('referral.answerDueAt')}</dt>
            <dd>
              <time dateTime={referral.answerDueAt}>{at(referral.answerDueAt)}</time>
            </dd>
          </>
        )}
        {referral.lapsedAt !== undefined && (
          <>
            <dt>{t('referral.lapsedAt')}</dt>
            <dd>
              <time dateTime={referral.lapsedAt}>{at(referral.lapsedAt)}</time>
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/** What became of one proposal once the candidate answered (REC-7: accepting one declines the others). */
export function proposalOutcome(
  referral: Referral,
  proposalId: string,
): 'accepted' | 'declined' | 'lapsed' | undefined {
  if (referral.status === 'LAPSED') return 'lapsed';
  if (referral.acceptedProposalId === undefined) return undefined;
  return referral.acceptedProposalId === proposalId ? 'accepted' : 'declined';
}
