import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert, Field, idOf, SelectField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { useDraft } from '../../draft';
import { MOBILITY_KINDS, type Partner, type Plan } from './types';

export interface PlanDraft {
  readonly regime: string;
  readonly yearOfStudy: string;
  readonly track: string;
  readonly engineeringInternshipValidated: boolean;
  readonly internshipYearValidated: boolean;
  readonly kind: string;
  readonly partnerId: string;
  readonly hostName: string;
  readonly hostCountry: string;
  readonly startOn: string;
  readonly endOn: string;
  readonly plannedEcts: string;
  readonly coursesEcts: string;
  readonly projectEcts: string;
}

const EMPTY: PlanDraft = {
  regime: 'REGULAR',
  yearOfStudy: '2',
  track: '',
  engineeringInternshipValidated: false,
  internshipYearValidated: false,
  kind: 'EXCHANGE_SEMESTER',
  partnerId: '',
  hostName: '',
  hostCountry: '',
  startOn: '',
  endOn: '',
  plannedEcts: '',
  coursesEcts: '',
  projectEcts: '',
};

/** A plan as the form shows it, to rework it after a refusal. */
export function draftOf(plan: Plan): PlanDraft {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    regime: plan.student?.regime ?? 'REGULAR',
    yearOfStudy: String(plan.student?.yearOfStudy ?? 2),
    track: plan.student?.track ?? '',
    engineeringInternshipValidated: plan.student?.engineeringInternshipValidated ?? false,
    internshipYearValidated: plan.student?.internshipYearValidated ?? false,
    kind: plan.kind,
    partnerId: plan.host.partnerId ?? '',
    hostName: plan.host.partnerId === null ? plan.host.name : '',
    hostCountry: plan.host.partnerId === null ? plan.host.country : '',
    startOn: plan.startOn,
    endOn: plan.endOn,
    plannedEcts: text(plan.plannedEcts),
    coursesEcts: text(plan.ectsSplit?.coursesEcts),
    projectEcts: text(plan.ectsSplit?.projectEcts),
  };
}

// Empty numbers go as null, anything else as typed, for the service to refuse beside its field.
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function bodyOf(draft: PlanDraft) {
  const split =
    draft.kind === 'EXCHANGE_TWO_SEMESTERS'
      ? { coursesEcts: numberOrNull(draft.coursesEcts), projectEcts: numberOrNull(draft.projectEcts) }
      : null;
  return {
    student: {
      regime: draft.regime,
      yearOfStudy: Number(draft.yearOfStudy),
      track: draft.track,
      engineeringInternshipValidated: draft.engineeringInternshipValidated,
      internshipYearValidated: draft.internshipYearValidated,
    },
    kind: draft.kind,
    host:
      draft.partnerId === '' ? { name: draft.hostName, country: draft.hostCountry } : { partnerId: draft.partnerId },
    startOn: draft.startOn,
    endOn: draft.endOn,
    plannedEcts: numberOrNull(draft.plannedEcts),
    ectsSplit: split,
  };
}

/** A checkbox before its label, as one reads it. */
function Checkbox(props: { field: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = idOf(props.field);
  return (
    <div className="field">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />{' '}
      <label htmlFor={id} style={{ display: 'inline' }}>
        {props.label}
      </label>
    </div>
  );
}

const PLACED = [
  'kind',
  'student.regime',
  'student.yearOfStudy',
  'student.track',
  'host.partner',
  'host.partnerId',
  'host.name',
  'host.country',
  'startOn',
  'endOn',
  'plannedEcts',
  'ectsSplit',
  'ectsSplit.coursesEcts',
  'ectsSplit.projectEcts',
];

/**
 * A plan proposed (POST /v1/plans) or reworked (PUT /v1/plans/{id}); the service checks it against
 * MOB-1..9 and a refusal is written under the field its rule names.
 */
export function PlanForm(props: { planId?: string; initial?: PlanDraft; onDone: (plan: Plan) => void }) {
  const { planId, onDone } = props;
  const { t } = useTranslation();
  const partners = useRead<Partner[]>('mobility', '/v1/partners');
  const [draft, setDraft, clear] = useDraft<PlanDraft>(`mobility-plan.${planId ?? 'new'}`, props.initial ?? EMPTY);
  const { shown, busy, run } = useCommand(clear);
  const set = (change: Partial<PlanDraft>) => setDraft({ ...draft, ...change });
  const error = (...fields: string[]) => fields.map((field) => shown.fields[field]).find((text) => text !== undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const call = { method: planId === undefined ? ('POST' as const) : ('PUT' as const), json: bodyOf(draft) };
      onDone(await api<Plan>('mobility', planId === undefined ? '/v1/plans' : `/v1/plans/${planId}`, call));
    });
  };
  const title = planId === undefined ? t('mobility.newPlan') : t('mobility.rework');
  return (
    <form onSubmit={submit} aria-labelledby="plan-form-title" noValidate>
      <h2 id="plan-form-title">{title}</h2>
      <Alert text={unplaced(shown, PLACED) ?? partners.shown.general} />
      <fieldset>
        <legend>{t('mobility.profile')}</legend>
        <SelectField
          field="student.regime"
          label={t('mobility.regime')}
          value={draft.regime}
          onChange={(e) => set({ regime: e.target.value })}
          error={error('student.regime')}
        >
          {(['REGULAR', 'APPRENTICE'] as const).map((regime) => (
            <option key={regime} value={regime}>
              {t(`mobility.regimes.${regime}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          field="student.yearOfStudy"
          label={t('mobility.yearOfStudy')}
          value={draft.yearOfStudy}
          onChange={(e) => set({ yearOfStudy: e.target.value })}
          error={error('student.yearOfStudy')}
        >
          {['1', '2', '3'].map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </SelectField>
        <Field
          field="student.track"
          label={t('mobility.track')}
          value={draft.track}
          onChange={(e) => set({ track: e.target.value })}
          error={error('student.track')}
        />
        <Checkbox
          field="student.engineeringInternshipValidated"
          label={t('mobility.engineeringInternshipValidated')}
          checked={draft.engineeringInternshipValidated}
          onChange={(checked) => set({ engineeringInternshipValidated: checked })}
        />
        <Checkbox
          field="student.internshipYearValidated"
          label={t('mobility.internshipYearValidated')}
          checked={draft.internshipYearValidated}
          onChange={(checked) => set({ internshipYearValidated: checked })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('mobility.mobility')}</legend>
        <SelectField
          field="kind"
          label={t('mobility.kind')}
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value })}
          error={error('kind')}
        >
          {MOBILITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`mobility.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          field="host.partner"
          label={t('mobility.partner')}
          value={draft.partnerId}
          onChange={(e) => set({ partnerId: e.target.value })}
          error={error('host.partner', 'host.partnerId')}
        >
          <option value="">{t('mobility.notPartner')}</option>
          {partners.value?.map((partner) => (
            <option key={partner.partnerId} value={partner.partnerId}>
              {partner.name} ({partner.country})
            </option>
          ))}
        </SelectField>
        {draft.partnerId === '' && (
          <>
            <Field
              field="host.name"
              label={t('mobility.hostName')}
              value={draft.hostName}
              onChange={(e) => set({ hostName: e.target.value })}
              error={error('host.name')}
            />
            <Field
              field="host.country"
              label={t('mobility.hostCountry')}
              value={draft.hostCountry}
              onChange={(e) => set({ hostCountry: e.target.value.toUpperCase() })}
              error={error('host.country')}
            />
          </>
        )}
        <Field
          field="startOn"
          label={t('mobility.startOn')}
          type="date"
          value={draft.startOn}
          onChange={(e) => set({ startOn: e.target.value })}
          error={error('startOn')}
        />
        <Field
          field="endOn"
          label={t('mobility.endOn')}
          type="date"
          value={draft.endOn}
          onChange={(e) => set({ endOn: e.target.value })}
          error={error('endOn')}
        />
        <Field
          field="plannedEcts"
          label={t('mobility.plannedEcts')}
          inputMode="decimal"
          value={draft.plannedEcts}
          onChange={(e) => set({ plannedEcts: e.target.value })}
          error={error('plannedEcts')}
        />
        {draft.kind === 'EXCHANGE_TWO_SEMESTERS' && (
          <>
            <Field
              field="ectsSplit.coursesEcts"
              label={t('mobility.coursesEcts')}
              inputMode="decimal"
              value={draft.coursesEcts}
              onChange={(e) => set({ coursesEcts: e.target.value })}
              error={error('ectsSplit.coursesEcts', 'ectsSplit')}
            />
            <Field
              field="ectsSplit.projectEcts"
              label={t('mobility.projectEcts')}
              inputMode="decimal"
              value={draft.projectEcts}
              onChange={(e) => set({ projectEcts: e.target.value })}
              error={error('ectsSplit.projectEcts')}
            />
          </>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('mobility.propose')}
      </button>
    </form>
  );
}
