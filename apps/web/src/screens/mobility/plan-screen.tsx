import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert, TextAreaField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { useDraft } from '../../draft';
import { formatDay, formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';
import { LearningAgreement } from './learning-agreement';
import { draftOf, PlanForm } from './plan-form';
import { PlanVerdicts, reportingRule, type RuleRefusal } from './plan-verdicts';
import './texts';
import type { Authority, Plan } from './types';

/** Each staff role speaks for one authority, under its route segment and its place in the plan's approvals. */
const AUTHORITY_OF_ROLE = {
  'study-advisor': { segment: 'study-advisor', authority: 'STUDY_ADVISOR', approval: 'studyAdvisor' },
  'training-directorate': { segment: 'dfi', authority: 'TRAINING_DIRECTORATE', approval: 'trainingDirectorate' },
  'international-office': { segment: 'dri', authority: 'INTERNATIONAL_OFFICE', approval: 'internationalOffice' },
} as const satisfies Record<string, { segment: string; authority: Authority; approval: keyof Plan['approvals'] }>;

type StaffRole = keyof typeof AUTHORITY_OF_ROLE;
const isStaffRole = (role: string): role is StaffRole => role in AUTHORITY_OF_ROLE;

function Approvals({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = [
    ['STUDY_ADVISOR', plan.approvals.studyAdvisor],
    ['TRAINING_DIRECTORATE', plan.approvals.trainingDirectorate],
    ['INTERNATIONAL_OFFICE', plan.approvals.internationalOffice],
  ] as const;
  return (
    <section aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t('mobility.approvalsTitle')}</h2>
      <dl>
        {rows.map(([authority, approval]) => (
          <div key={authority}>
            <dt>{t(`mobility.authorities.${authority}`)}</dt>
            <dd>
              {approval
                ? t('mobility.approvedOn', { date: formatInstant(approval.at, language) })
                : t('mobility.notYet')}
            </dd>
          </div>
        ))}
      </dl>
      {plan.refusals.length > 0 && (
        <>
          <h3>{t('mobility.refusalsTitle')}</h3>
          <ul>
            {plan.refusals.map((refusal) => (
              <li key={refusal.at}>
                {t('mobility.refusedOn', {
                  authority: t(`mobility.authorities.${refusal.authority}`),
                  date: formatInstant(refusal.at, language),
                  reason: refusal.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** An authority approves the plan, or refuses it with a reason written under the reason's field. */
function Decision(props: { plan: Plan; role: StaffRole; onDone: () => void; onRule: (refusal: RuleRefusal) => void }) {
  const { plan, role, onDone, onRule } = props;
  const { t } = useTranslation();
  const { segment, authority } = AUTHORITY_OF_ROLE[role];
  const [reason, setReason, clear] = useDraft(`mobility-refusal.${plan.planId}`, { text: '' });
  const { shown, busy, run } = useCommand(() => {
    clear();
    onDone();
  });
  const byRule = reportingRule(t, onRule);
  const approve = () =>
    void run(byRule(() => api('mobility', `/v1/plans/${plan.planId}/approvals/${segment}`, { method: 'POST' })));
  const refuse = (event: FormEvent) => {
    event.preventDefault();
    void run(
      byRule(() =>
        api('mobility', `/v1/plans/${plan.planId}/refusals`, {
          method: 'POST',
          json: { authority: segment, reason: reason.text },
        }),
      ),
    );
  };
  const title = t('mobility.yourDecision', { authority: t(`mobility.authorities.${authority}`) });
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{title}</h2>
      <Alert text={unplaced(shown, ['reason'])} />
      <p>
        <button type="button" className="primary" disabled={busy} onClick={approve}>
          {t('mobility.approve')}
        </button>
      </p>
      <form onSubmit={refuse} aria-label={t('mobility.refuse')} noValidate>
        <TextAreaField
          field="reason"
          label={t('mobility.refusalReason')}
          value={reason.text}
          onChange={(e) => setReason({ text: e.target.value })}
          error={shown.fields.reason}
        />
        <button type="submit" disabled={busy}>
          {t('mobility.refuse')}
        </button>
      </form>
    </section>
  );
}

/** The student's own commands on a plan not yet over: departure, cancellation. */
function StudentActions(props: { plan: Plan; onDone: () => void; onRule: (refusal: RuleRefusal) => void }) {
  const { plan, onDone, onRule } = props;
  const { t } = useTranslation();
  const { shown, busy, run } = useCommand(onDone);
  const byRule = reportingRule(t, onRule);
  const act = (action: 'start' | 'cancel') => () =>
    void run(byRule(() => api('mobility', `/v1/plans/${plan.planId}/${action}`, { method: 'POST' })));
  return (
    <div>
      <Alert text={unplaced(shown)} />
      {plan.status === 'proposed' && (
        <button type="button" className="primary" disabled={busy} onClick={act('start')}>
          {t('mobility.start')}
        </button>
      )}{' '}
      <button type="button" disabled={busy} onClick={act('cancel')}>
        {t('mobility.cancel')}
      </button>
    </div>
  );
}

const isExchange = (plan: Plan) => plan.kind === 'EXCHANGE_SEMESTER' || plan.kind === 'EXCHANGE_TWO_SEMESTERS';

/** May this role decide on the plan? The study advisor judges exchanges only (MOB-5). */
const decides = (role: StaffRole, plan: Plan) =>
  plan.status === 'proposed' &&
  plan.approvals[AUTHORITY_OF_ROLE[role].approval] === null &&
  (role !== 'study-advisor' || isExchange(plan));

/** A mobility plan: its rules explained, its approvals, its learning agreement, and what the user may do with it. */
export default function PlanScreen({ planId, roles }: { planId: string; roles: readonly string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const read = useRead<Plan>('mobility', `/v1/plans/${encodeURIComponent(planId)}`);
  const [ruleRefusal, setRuleRefusal] = useState<RuleRefusal>();
  const plan = read.value;
  const reload = () => {
    setRuleRefusal(undefined);
    read.load();
  };
  const student = roles.includes('student');
  const staffRoles = roles.filter(isStaffRole);
  return (
    <>
      <ScreenTitle>{t('mobility.planTitle')}</ScreenTitle>
      <p>
        <a href={student ? '#/mobility' : `#/mobility-approvals/${plan?.studentId ?? ''}`}>{t('mobility.back')}</a>{' '}
        <button type="button" onClick={reload}>
          {t('common.refresh')}
        </button>
      </p>
      <Alert text={read.shown.general} />
      {plan && (
        <>
          <p>
            {t('mobility.summary', {
              kind: t(`mobility.kinds.${plan.kind}`),
              host: plan.host.name,
              country: plan.host.country,
              start: formatDay(plan.startOn, language),
              end: formatDay(plan.endOn, language),
            })}
          </p>
          {!student && <p>{t('mobility.student', { id: plan.studentId })}</p>}
          <p className="status">{t('mobility.status', { status: t(`mobility.statuses.${plan.status}`) })}</p>
          <PlanVerdicts plan={plan} refusal={ruleRefusal} />
          <Approvals plan={plan} />
          {staffRoles
            .filter((role) => decides(role, plan))
            .map((role) => (
              <Decision key={role} plan={plan} role={role} onDone={reload} onRule={setRuleRefusal} />
            ))}
          {isExchange(plan) && <LearningAgreement plan={plan} roles={roles} onChanged={reload} />}
          {student && (plan.status === 'proposed' || plan.status === 'refused') && (
            <StudentActions plan={plan} onDone={reload} onRule={setRuleRefusal} />
          )}
          {student && plan.status === 'refused' && (
            <PlanForm planId={plan.planId} initial={draftOf(plan)} onDone={reload} />
          )}
        </>
      )}
    </>
  );
}
