import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CandidateSpace, Programme } from '../../api/types';
import { Alert, Field, Saved, SelectField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useDraft } from '../../draft';

export interface SectionProps {
  readonly file: CandidateSpace;
  readonly onChanged: () => void;
}

const DIPLOMA_KINDS = [
  'CTI_ENGINEERING',
  'BUSINESS_SCHOOL_MASTER',
  'UNIVERSITY_M2',
  'UNIVERSITY_M1',
  'FOREIGN',
  'OTHER',
];
const IDENTITY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'birthDate']
  .map((field) => `personal.${field}`)
  .concat('preferredLanguage');
const DIPLOMA_FIELDS = ['kind', 'title', 'country', 'year', 'declaredLevel'].map((field) => `diplomas[0].${field}`);
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function IdentityForm({ file, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const p = file.personal;
  const [form, setForm] = useDraft(`identity.${file.candidacyId}`, {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    birthDate: p?.birthDate ?? '',
    preferredLanguage: file.preferredLanguage ?? 'fr',
  });
  const { shown, busy, done, run } = useCommand(onChanged);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const personal = {
      firstName: form.firstName,
      lastName: form.lastName,
      email: form.email,
      phone: optional(form.phone),
      birthDate: optional(form.birthDate),
    };
    void run(() =>
      api('candidacy', `/v1/candidacies/${file.candidacyId}/identity`, {
        method: 'PUT',
        json: { personal, preferredLanguage: form.preferredLanguage },
      }),
    );
  };
  const error = (field: string) => shown.fields[field];
  return (
    <form onSubmit={submit} aria-labelledby="identity-title" noValidate>
      <h2 id="identity-title">{t('file.identity')}</h2>
      <Alert text={unplaced(shown, IDENTITY_FIELDS)} />
      <Field
        field="personal.firstName"
        label={t('file.firstName')}
        value={form.firstName}
        onChange={set('firstName')}
        autoComplete="given-name"
        error={error('personal.firstName')}
      />
      <Field
        field="personal.lastName"
        label={t('file.lastName')}
        value={form.lastName}
        onChange={set('lastName')}
        autoComplete="family-name"
        error={error('personal.lastName')}
      />
      <Field
        field="personal.email"
        label={t('file.email')}
        type="email"
        value={form.email}
        onChange={set('email')}
        autoComplete="email"
        error={error('personal.email')}
      />
      <Field
        field="personal.phone"
        label={t('file.phone')}
        type="tel"
        value={form.phone}
        onChange={set('phone')}
        autoComplete="tel"
        error={error('personal.phone')}
      />
      <Field
        field="personal.birthDate"
        label={t('file.birthDate')}
        type="date"
        value={form.birthDate}
        onChange={set('birthDate')}
        autoComplete="bday"
        error={error('personal.birthDate')}
      />
      <SelectField
        field="preferredLanguage"
        label={t('file.preferredLanguage')}
        value={form.preferredLanguage}
        onChange={set('preferredLanguage')}
        error={error('preferredLanguage')}
      >
        <option value="fr">{t('language.fr')}</option>
        <option value="en">{t('language.en')}</option>
      </SelectField>
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <Saved done={done} />
    </form>
  );
}

export function DiplomaForm({ file, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const d = file.diplomas?.[0];
  const [form, setForm] = useDraft(`diploma.${file.candidacyId}`, {
    kind: d?.kind ?? 'CTI_ENGINEERING',
    title: d?.title ?? '',
    country: d?.country ?? 'FR',
    year: d === undefined ? '' : String(d.year),
    declaredLevel: d?.declaredLevel ?? 'BAC+5',
  });
  const { shown, busy, done, run } = useCommand(onChanged);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const diploma = {
      kind: form.kind,
      title: form.title,
      country: form.country,
      year: Number(form.year),
      declaredLevel: form.kind === 'FOREIGN' ? form.declaredLevel : undefined,
    };
    void run(() =>
      api('candidacy', `/v1/candidacies/${file.candidacyId}/diplomas`, {
        method: 'PUT',
        json: { diplomas: [diploma] },
      }),
    );
  };
  const error = (field: string) => shown.fields[`diplomas[0].${field}`];
  return (
    <form onSubmit={submit} aria-labelledby="diploma-title" noValidate>
      <h2 id="diploma-title">{t('file.diploma')}</h2>
      <Alert text={unplaced(shown, DIPLOMA_FIELDS)} />
      <SelectField
        field="diplomas[0].kind"
        label={t('file.diplomaKind')}
        value={form.kind}
        onChange={set('kind')}
        error={error('kind')}
      >
        {DIPLOMA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`, { defaultValue: kind })}
          </option>
        ))}
      </SelectField>
      <Field
        field="diplomas[0].title"
        label={t('file.diplomaTitle')}
        value={form.title}
        onChange={set('title')}
        error={error('title')}
      />
      <Field
        field="diplomas[0].country"
        label={t('file.diplomaCountry')}
        value={form.country}
        onChange={set('country')}
        maxLength={2}
        error={error('country')}
      />
      <Field
        field="diplomas[0].year"
        label={t('file.diplomaYear')}
        inputMode="numeric"
        value={form.year}
        onChange={set('year')}
        error={error('year')}
      />
      {form.kind === 'FOREIGN' && (
        <SelectField
          field="diplomas[0].declaredLevel"
          label={t('file.declaredLevel')}
          value={form.declaredLevel}
          onChange={set('declaredLevel')}
          error={error('declaredLevel')}
        >
          {['BAC+5', 'BAC+4', 'OTHER'].map((level) => (
            <option key={level}>{level}</option>
          ))}
        </SelectField>
      )}
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <Saved done={done} />
    </form>
  );
}

export function ExperienceForm({ file, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [form, setForm] = useDraft(`experience.${file.candidacyId}`, {
    months: file.experienceMonths === undefined ? '' : String(file.experienceMonths),
  });
  const { shown, busy, done, run } = useCommand(onChanged);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const months = form.months.trim() === '' ? null : Number(form.months);
    void run(() =>
      api('candidacy', `/v1/candidacies/${file.candidacyId}/experience`, { method: 'PUT', json: { months } }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="experience-title" noValidate>
      <h2 id="experience-title">{t('file.experience')}</h2>
      <Alert text={unplaced(shown, ['months'])} />
      <Field
        field="months"
        label={t('file.months')}
        inputMode="numeric"
        value={form.months}
        onChange={(e) => setForm({ months: e.target.value })}
        error={shown.fields.months}
      />
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <Saved done={done} />
    </form>
  );
}

export function ProgrammeForm({ file, onChanged, programmes }: SectionProps & { programmes: readonly Programme[] }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useDraft(`programme.${file.candidacyId}`, { programmeCode: file.programmeCode ?? '' });
  const { shown, busy, done, run } = useCommand(onChanged);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      api('candidacy', `/v1/candidacies/${file.candidacyId}/programme`, {
        method: 'PUT',
        json: { programmeCode: form.programmeCode },
      }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="programme-title" noValidate>
      <h2 id="programme-title">{t('file.programme')}</h2>
      <Alert text={unplaced(shown, ['programmeCode'])} />
      <SelectField
        field="programmeCode"
        label={t('file.programmeCode')}
        value={form.programmeCode}
        onChange={(e) => setForm({ programmeCode: e.target.value })}
        error={shown.fields.programmeCode}
      >
        <option value="">{t('file.choose')}</option>
        {programmes.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} — {i18n.language === 'en' ? p.nameEn : p.nameFr}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={busy}>
        {t('common.save')}
      </button>
      <Saved done={done} />
    </form>
  );
}
