import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showProblem } from '../../components/problems';
import { formatDay } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import type { Plan } from './types';
import { verdictsOf } from './verdicts';

/** A command's refusal by a rule that names no field: written under that rule. */
export interface RuleRefusal {
  readonly ruleId: string;
  readonly text: string;
}

/**
 * Wraps a command so that a refusal citing a rule but no field is also reported, to be written
 * under that rule; the refusal still reaches the form, which announces it.
 */
export const reportingRule =
  (t: TFunction, onRule: (refusal: RuleRefusal) => void) => (command: () => Promise<unknown>) => async () => {
    try {
      await command();
    } catch (error) {
      if (error instanceof ApiError && error.problem.ruleId !== undefined && error.problem.field === undefined) {
        onRule({ ruleId: error.problem.ruleId, text: showProblem(t, error).general ?? error.problem.detail });
      }
      throw error;
    }
  };

const DATES = new Set(['start', 'end']);

/** Every MOB-* rule that bears on the plan, its verdict and why; a refusal under the rule it cites. */
export function PlanVerdicts({ plan, refusal }: { plan: Plan; refusal?: RuleRefusal }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const verdicts = verdictsOf(plan);
  const refusedAt = verdicts.findIndex((verdict) => verdict.ruleId === refusal?.ruleId);
  const valuesOf = (values: Readonly<Record<string, string | number>> = {}) =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        DATES.has(name) ? formatDay(String(value), language) : value,
      ]),
    );
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t('mobility.rulesTitle')}</h2>
      <ul>
        {verdicts.map((verdict, index) => (
          <li key={`${verdict.ruleId}-${verdict.explain}`}>
            <strong>{verdict.ruleId}</strong> — {t(`mobility.verdicts.${verdict.state}`)}
            {t('common.colon')}
            {t(`mobility.explain.${verdict.explain}`, {
              kind: t(`mobility.kinds.${plan.kind}`),
              category: t(`mobility.categories.${plan.category}`),
              ...valuesOf(verdict.values),
            })}
            {index === refusedAt && refusal && <p className="field-error">{refusal.text}</p>}
          </li>
        ))}
      </ul>
      {refusal && refusedAt === -1 && <p className="field-error">{refusal.text}</p>}
      {plan.requirement.reasons.length > 0 && (
        <ul>
          {plan.requirement.reasons.map((reason) => (
            <li key={reason.message}>
              {reason.ruleId} — {t(`rules.${reason.ruleId}`, { defaultValue: reason.message })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
