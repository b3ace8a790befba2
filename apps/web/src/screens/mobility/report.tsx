import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Field, SelectField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useLookup } from '../../components/use-read';
import { ScreenTitle } from '../heading';
import './texts';
import type { UnfulfilledReport } from './types';

/** MOB-1: the students of a year of study and a track who have not yet fulfilled the international experience. */
export default function Report() {
  const { t } = useTranslation();
  const [query, setQuery] = useState({ year: '2', track: '' });
  const { value: report, shown, lookup } = useLookup<UnfulfilledReport>('mobility');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = new URLSearchParams({ year: query.year, track: query.track });
    void lookup(`/v1/reports/unfulfilled?${search.toString()}`);
  };
  return (
    <>
      <ScreenTitle>{t('mobility.reportTitle')}</ScreenTitle>
      <form onSubmit={submit} aria-label={t('mobility.showReport')} noValidate>
        <Alert text={unplaced(shown, ['year', 'track'])} />
        <SelectField
          field="year"
          label={t('mobility.reportYear')}
          value={query.year}
          onChange={(e) => setQuery({ ...query, year: e.target.value })}
          error={shown.fields.year}
        >
          {['1', '2', '3'].map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </SelectField>
        <Field
          field="track"
          label={t('mobility.reportTrack')}
          value={query.track}
          onChange={(e) => setQuery({ ...query, track: e.target.value })}
          error={shown.fields.track}
        />
        <button type="submit" className="primary">
          {t('mobility.showReport')}
        </button>
      </form>
      {report &&
        (report.count === 0 ? (
          <p role="status">{t('mobility.reportEmpty')}</p>
        ) : (
          <table>
            <caption>
              {t('mobility.reportCaption', { year: report.yearOfStudy, track: report.track, count: report.count })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('mobility.findStudent')}</th>
                <th scope="col">{t('mobility.regimeColumn')}</th>
                <th scope="col">{t('mobility.plansColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {report.students.map((student) => (
                <tr key={student.studentId}>
                  <th scope="row">
                    <a href={`#/mobility-approvals/${encodeURIComponent(student.studentId)}`}>{student.studentId}</a>
                  </th>
                  <td>{t(`mobility.regimes.${student.regime}`)}</td>
                  <td>
                    {student.plans.length === 0 ? (
                      t('mobility.noPlanShort')
                    ) : (
                      <ul>
                        {student.plans.map((plan) => (
                          <li key={plan.planId}>
                            <a href={`#/mobility-plan/${plan.planId}`}>
                              {t('mobility.planLink', {
                                kind: t(`mobility.kinds.${plan.kind}`),
                                status: t(`mobility.statuses.${plan.status}`),
                              })}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
