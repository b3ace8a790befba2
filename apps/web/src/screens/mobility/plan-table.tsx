import { useTranslation } from 'react-i18next';
import { formatDay } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import type { Authority, PlanSummary } from './types';

const AUTHORITIES: readonly Authority[] = ['STUDY_ADVISOR', 'TRAINING_DIRECTORATE', 'INTERNATIONAL_OFFICE'];

/** A student's plans, each with its approvals and a link to the plan. */
export function PlanTable({ caption, plans }: { caption: string; plans: readonly PlanSummary[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mobility.kind')}</th>
          <th scope="col">{t('mobility.partner')}</th>
          <th scope="col">{t('mobility.yearShort')}</th>
          <th scope="col">{t('mobility.statusColumn')}</th>
          <th scope="col">{t('mobility.awaiting')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => {
          const kind = t(`mobility.kinds.${plan.kind}`);
          return (
            <tr key={plan.planId}>
              <td>
                <a
                  href={`#/mobility-plan/${plan.planId}`}
                  aria-label={t('mobility.openPlan', { kind, host: plan.host.name })}
                >
                  {kind}
                </a>
                <br />
                {formatDay(plan.startOn, language)} → {formatDay(plan.endOn, language)}
              </td>
              <td>
                {plan.host.name} ({plan.host.country})
              </td>
              <td>{plan.academicYear}</td>
              <td>{t(`mobility.statuses.${plan.status}`)}</td>
              <td>
                {AUTHORITIES.filter((authority) => plan.approvals[authority])
                  .map((authority) => t(`mobility.authorities.${authority}`))
                  .join(', ') || t('mobility.notYet')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
