import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Field, SelectField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useLookup, useRead } from '../../components/use-read';
import { formatDay } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';
import './texts';
import type { Partner, PartnerPlaces } from './types';

/** MOB-10: the places of one partner for an academic year, and how many are taken. */
function Places({ partners }: { partners: readonly Partner[] }) {
  const { t } = useTranslation();
  const [partnerId, setPartnerId] = useState(partners[0]?.partnerId ?? '');
  const [year, setYear] = useState('');
  const { value: places, shown, lookup } = useLookup<PartnerPlaces>('mobility');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookup(`/v1/partners/${partnerId}/places?year=${encodeURIComponent(year)}`);
  };
  return (
    <form onSubmit={submit} aria-labelledby="places-title" noValidate>
      <h2 id="places-title">{t('mobility.showPlaces')}</h2>
      <Alert text={unplaced(shown, ['year'])} />
      <SelectField
        field="places.partner"
        label={t('mobility.partner')}
        value={partnerId}
        onChange={(e) => setPartnerId(e.target.value)}
      >
        {partners.map((partner) => (
          <option key={partner.partnerId} value={partner.partnerId}>
            {partner.name}
          </option>
        ))}
      </SelectField>
      <Field
        field="year"
        label={t('mobility.academicYear')}
        value={year}
        onChange={(e) => setYear(e.target.value)}
        error={shown.fields.year}
      />
      <button type="submit" className="primary">
        {t('mobility.showPlaces')}
      </button>
      {places && (
        <div role="status">
          <h3>{t('mobility.placesOf', { year: places.academicYear })}</h3>
          <ul>
            {places.agreements.map((agreement) => (
              <li key={agreement.kind}>
                {t('mobility.placesLine', {
                  kind: t(`mobility.agreementKinds.${agreement.kind}`),
                  used: agreement.used,
                  places: agreement.placesPerAcademicYear,
                  remaining: agreement.remaining,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/** The partner catalogue the international office keeps, filtered by name or country. */
export default function Partners({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const partners = useRead<Partner[]>('mobility', '/v1/partners');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shownPartners = (partners.value ?? []).filter(
    (partner) => partner.name.toLowerCase().includes(needle) || partner.country.toLowerCase() === needle,
  );
  const mayReadPlaces = roles.includes('international-office') || roles.includes('training-directorate');
  return (
    <>
      <ScreenTitle>{t('mobility.partnersTitle')}</ScreenTitle>
      <Alert text={partners.shown.general} />
      {partners.value && mayReadPlaces && <Places partners={partners.value} />}
      <Field field="filter" label={t('mobility.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p role="status">{t('mobility.shown', { count: shownPartners.length })}</p>
      <table>
        <caption>{t('mobility.partnersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mobility.name')}</th>
            <th scope="col">{t('mobility.country')}</th>
            <th scope="col">{t('mobility.agreements')}</th>
          </tr>
        </thead>
        <tbody>
          {shownPartners.map((partner) => (
            <tr key={partner.partnerId}>
              <td>{partner.name}</td>
              <td>{partner.country}</td>
              <td>
                <ul>
                  {partner.agreements.map((agreement) => (
                    <li key={agreement.kind}>
                      {t('mobility.agreementLine', {
                        kind: t(`mobility.agreementKinds.${agreement.kind}`),
                        places: agreement.placesPerAcademicYear,
                        from: formatDay(agreement.startsOn, language),
                        to: formatDay(agreement.endsOn, language),
                      })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
