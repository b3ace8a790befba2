import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/field';
import { useRead } from '../../components/use-read';
import { go } from '../../routes';
import { ScreenTitle } from '../heading';
import { PlanForm } from './plan-form';
import { PlanTable } from './plan-table';
import './texts';
import type { StudentMobility as Status } from './types';

/** The student's mobility: MOB-1 fulfilled or not, their plans, and a new plan proposed. */
export default function StudentMobility({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const status = useRead<Status>('mobility', `/v1/students/${encodeURIComponent(studentId)}/mobility`);
  return (
    <>
      <ScreenTitle>{t('mobility.studentTitle')}</ScreenTitle>
      <Alert text={status.shown.general} />
      {status.value && (
        <>
          <p className="status">
            {t(status.value.requirementFulfilled ? 'mobility.requirementMet' : 'mobility.requirementNotMet')}
          </p>
          <section aria-labelledby="my-plans-title">
            <h2 id="my-plans-title">{t('mobility.myPlans')}</h2>
            {status.value.plans.length === 0 ? (
              <p>{t('mobility.noPlan')}</p>
            ) : (
              <PlanTable caption={t('mobility.myPlans')} plans={status.value.plans} />
            )}
          </section>
        </>
      )}
      <PlanForm onDone={(plan) => go(`/mobility-plan/${plan.planId}`)} />
    </>
  );
}
