import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Field } from '../../components/field';
import { useRead } from '../../components/use-read';
import { go } from '../../routes';
import { ScreenTitle } from '../heading';
import { PlanTable } from './plan-table';
import './texts';
import type { StudentMobility } from './types';

function StudentPlans({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const status = useRead<StudentMobility>('mobility', `/v1/students/${encodeURIComponent(studentId)}/mobility`);
  const title = t('mobility.plansOf', { id: studentId });
  return (
    <section aria-labelledby="student-plans-title">
      <h2 id="student-plans-title">{title}</h2>
      <button type="button" onClick={status.load}>
        {t('common.refresh')}
      </button>
      <Alert text={status.shown.general} />
      {status.value &&
        (status.value.plans.length === 0 ? (
          <p>{t('mobility.noPlans')}</p>
        ) : (
          <PlanTable caption={title} plans={status.value.plans} />
        ))}
    </section>
  );
}

/**
 * The study advisor, DFI and DRI find a student's plans to judge. The service has no list of the
 * plans awaiting an approval yet: a student is looked up by id (or reached from the MOB-1 report).
 */
export default function Approvals({ studentId }: { studentId?: string }) {
  const { t } = useTranslation();
  const [id, setId] = useState(studentId ?? '');
  const find = (event: FormEvent) => {
    event.preventDefault();
    go(`/mobility-approvals/${encodeURIComponent(id.trim())}`);
  };
  return (
    <>
      <ScreenTitle>{t('mobility.approvalsScreen')}</ScreenTitle>
      <form onSubmit={find} aria-label={t('mobility.find')}>
        <Field field="studentId" label={t('mobility.findStudent')} value={id} onChange={(e) => setId(e.target.value)} />
        <button type="submit" className="primary">
          {t('mobility.find')}
        </button>
      </form>
      {studentId !== undefined && <StudentPlans key={studentId} studentId={studentId} />}
    </>
  );
}
