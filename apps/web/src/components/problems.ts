import type { TFunction } from 'i18next';
import { ApiError, type Problem } from '../api/client';

/** A refusal as the screen shows it: messages next to the fields it names, and one for the rest. */
export interface Shown {
  readonly fields: Readonly<Record<string, string>>;
  readonly general?: string;
}

export const NOTHING_SHOWN: Shown = { fields: {} };

function ruleText(t: TFunction, problem: Problem): string {
  const rule = String(problem.ruleId);
  return t('problems.rule', { rule, text: t(`rules.${rule}`, { defaultValue: problem.detail }) });
}

/** Puts a problem+json refusal in the user's language, beside the field or rule it names. */
export function showProblem(t: TFunction, error: unknown): Shown {
  if (!(error instanceof ApiError)) return { fields: {}, general: t('common.error', { detail: String(error) }) };
  const { problem } = error;
  if (problem.status === 503 && problem.service !== undefined) {
    return { fields: {}, general: t('common.unavailable', { service: problem.service }) };
  }
  // Another's file answers as a missing one does; the screen says so whatever the rule behind it.
  if (problem.status === 404) return { fields: {}, general: t('problems.notFound') };
  const fieldText = (field: string, detail: string) =>
    t(`problems.fields.${field}`, { defaultValue: t('problems.invalid', { detail }) });
  if (problem.errors !== undefined && problem.errors.length > 0) {
    const fields: Record<string, string> = {};
    for (const { field, message } of problem.errors) fields[field] ??= fieldText(field, message);
    return { fields };
  }
  const text = problem.ruleId !== undefined ? ruleText(t, problem) : fieldText(problem.field ?? '', problem.detail);
  return problem.field !== undefined
    ? { fields: { [problem.field]: text }, general: undefined }
    : { fields: {}, general: text };
}

/** The refusal's text for the fields a form does not show, so that no refusal goes unseen. */
export function unplaced(shown: Shown, placed: readonly string[] = []): string | undefined {
  if (shown.general !== undefined) return shown.general;
  const rest = Object.entries(shown.fields).filter(([field]) => !placed.includes(field));
  return rest.length === 0 ? undefined : rest.map(([, text]) => text).join(' ');
}
