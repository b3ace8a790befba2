import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, SelectField } from '../../components/field';
import { useRead } from '../../components/use-read';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import type { Referral, ReferralStatus } from './referral-types';

const STATUSES: readonly ReferralStatus[] = ['FILED', 'AWAITING_ANSWER', 'ACCEPTED', 'LAPSED'];

/** The rectorate's queue (GET /v1/referrals): the referrals in one status, oldest filed first. */
export function ReferralQueue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<ReferralStatus>('FILED');
  const { value: referrals, shown, load } = useRead<Referral[]>('jury', `/v1/referrals?status=${status}`);
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('rectorate.queue')}</h2>
      <SelectField
        field="queue.status"
        label={t('rectorate.queueStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ReferralStatus)}
      >
        {STATUSES.map((option) => (
          <option key={option} value={option}>
            {t(`rectorate.statuses.${option}`)}
          </option>
        ))}
      </SelectField>
      <button type="button" onClick={load}>
        {t('common.refresh')}
      </button>
      <Alert text={shown.general} />
      {referrals !== undefined &&
        (referrals.length === 0 ? (
          <p>{t('rectorate.queueEmpty')}</p>
        ) : (
          <table>
            <caption>{t(`rectorate.statuses.${status}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rectorate.candidateId')}</th>
                <th scope="col">{t('referral.filedAt')}</th>
                <th scope="col">{t('rectorate.dueBy')}</th>
                <th scope="col">{t('referral.proposals')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.referralId}>
                  <td>
                    <a
                      href={`#/referrals/${encodeURIComponent(referral.candidateId)}`}
                      aria-label={t('rectorate.openOf', { candidate: referral.candidateId })}
                    >
                      {referral.candidateId}
                    </a>
                  </td>
                  <td>
                    <time dateTime={referral.filedAt}>{formatInstant(referral.filedAt, language)}</time>
                  </td>
                  <td>
                    <time dateTime={referral.proposalsDueBy}>{formatInstant(referral.proposalsDueBy, language)}</time>
                  </td>
                  <td>{referral.proposals.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
