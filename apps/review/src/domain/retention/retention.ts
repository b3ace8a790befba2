import { juriesOverAt, monthsAfter, seasonOf } from '@admissions/domain-kernel';

/** One review of the person's files, as retention reads it. */
export interface ReviewStanding {
  readonly declaredNotAdmissible: boolean;
  /** When the file reached review; null for a review not opened yet. */
  readonly openedAt: string | null;
}

export interface NotAdmissibleDue {
  readonly personId: string;
  readonly category: 'not-admissible';
  readonly season: number;
  readonly dueAt: string;
}

/**
 * Whether a person's files are due for erasure on `now` because review declared every file of
 * their latest season not admissible (REV-4): the jury never saw them, so it has no policy for
 * them. Their season's last jury sits by 31 July at the latest (JURY-1): the months count from
 * 1 August, at most a few weeks after the actual last jury, never before it. A person with a
 * file admissible (the jury's policy) or still under review is not selected.
 */
export function notAdmissibleDue(
  personId: string,
  reviews: readonly ReviewStanding[],
  months: number,
  now: Date,
): NotAdmissibleDue | undefined {
  const seasons = reviews.map((review) => (review.openedAt === null ? undefined : seasonOf(review.openedAt)));
  if (seasons.length === 0 || seasons.some((season) => season === undefined)) return undefined;
  const season = Math.max(...(seasons as number[]));
  const latest = reviews.filter((_, index) => seasons[index] === season);
  if (!latest.every((review) => review.declaredNotAdmissible)) return undefined;
  const due = monthsAfter(juriesOverAt(season).toISOString(), months);
  return due.getTime() <= now.getTime()
    ? { personId, category: 'not-admissible', season, dueAt: due.toISOString() }
    : undefined;
}
