import type { RetentionErasureOutcome, ErasurePort } from './erasure.port';
import type { DuePerson, RetentionSelector } from './retention.port';

export interface CategoryCount {
  readonly category: string;
  readonly rule: string;
  readonly due: number;
  /** Live runs: erased now, erased before (an earlier run, or the data-protection officer), nothing held. */
  readonly erased: number;
  readonly alreadyErased: number;
  readonly nothingHeld: number;
}

export interface RetentionReport {
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly categories: readonly CategoryCount[];
  readonly due: readonly DuePerson[];
}

/**
 * One run of a retention policy: who is due on `now`, per category; a live run hands each person
 * to the erasure (reason `retention:<category>`), a dry run only reports.
 */
export async function runRetention(
  selector: RetentionSelector,
  erasure: ErasurePort,
  now: Date,
  dryRun: boolean,
): Promise<RetentionReport> {
  const due = [...(await selector.due(now))].sort(
    (a, b) => a.category.localeCompare(b.category) || a.personId.localeCompare(b.personId),
  );
  const outcomes = new Map<string, Record<RetentionErasureOutcome, number>>();
  for (const person of dryRun ? [] : due) {
    const outcome = await erasure.erase(person.personId, `retention:${person.category}`);
    const counts = outcomes.get(person.category) ?? { erased: 0, 'already-erased': 0, 'nothing-held': 0 };
    counts[outcome] += 1;
    outcomes.set(person.category, counts);
  }
  const categories = selector.categories.map(({ name, rule }) => ({
    category: name,
    rule,
    due: due.filter((person) => person.category === name).length,
    erased: outcomes.get(name)?.erased ?? 0,
    alreadyErased: outcomes.get(name)?.['already-erased'] ?? 0,
    nothingHeld: outcomes.get(name)?.['nothing-held'] ?? 0,
  }));
  return { asOf: now.toISOString(), dryRun, categories, due };
}

/** The report as lines: one per category, then (a dry run) each person who would be erased. */
export function reportLines(report: RetentionReport): string[] {
  const lines = report.categories.map(({ category, rule, due, erased, alreadyErased, nothingHeld }) =>
    report.dryRun
      ? `${category} (${rule}): ${due} would be erased`
      : `${category} (${rule}): ${due} due, ${erased} erased, ${alreadyErased} erased before, ${nothingHeld} with nothing held`,
  );
  if (report.dryRun)
    lines.push(
      ...report.due.map(({ personId, category, dueAt }) => `would erase ${personId}: ${category} since ${dueAt}`),
    );
  return lines;
}
