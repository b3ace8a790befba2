import { juriesOverAt, monthsAfter, seasonOf } from '@admissions/domain-kernel';
import type { ApplicationOutcome } from '../referral/referral.commands';

/**
 * How long the jury keeps a person's admission file after their season's last jury:
 * not admitted, or enrolled (by then the enrolment has gone to the student records through
 * admissions.decisions.v1, so the admission file is erased).
 */
export interface RetentionPolicy {
  readonly notAdmittedMonths: number;
  readonly enrolledMonths: number;
}

export type RetentionCategoryName = 'not-admitted' | 'enrolled';

/** One of the person's applications as the jury knows it: its outcome and when it was given. */
export type DatedOutcome = Pick<ApplicationOutcome, 'outcome' | 'at'>;

/** Where the person's referral to the rectorate stands (REC-*): NONE when they filed none. */
export type ReferralStanding = 'NONE' | 'OPEN' | 'ACCEPTED' | 'LAPSED';

export interface RetentionDue {
  readonly personId: string;
  readonly category: RetentionCategoryName;
  readonly season: number;
  readonly lastJuryAt: string;
  readonly dueAt: string;
}

/**
 * Each season's last jury, by the sittings of every programme: known once no other can sit,
 * from 1 August of the season (JURY-1: none from August to December).
 */
export function lastJuries(sittings: readonly string[], now: Date): ReadonlyMap<number, string> {
  const last = new Map<number, string>();
  for (const sitsAt of sittings) {
    const season = seasonOf(sitsAt);
    if (season === undefined || juriesOverAt(season).getTime() > now.getTime()) continue;
    const known = last.get(season);
    if (known === undefined || Date.parse(sitsAt) > Date.parse(known)) last.set(season, sitsAt);
  }
  return last;
}

/**
 * Whether the person's admission file is due for erasure on `now`, and under which category:
 * their latest season decides (a candidate who applies again is kept for the new season), its
 * juries must be over, no offer of it may still be open nor a referral pending, and the months
 * of the category must have run from the season's last jury.
 */
export function retentionDue(
  personId: string,
  applications: readonly DatedOutcome[],
  referral: ReferralStanding,
  lastJury: ReadonlyMap<number, string>,
  policy: RetentionPolicy,
  now: Date,
): RetentionDue | undefined {
  const seasons = applications.map((application) => seasonOf(application.at));
  if (seasons.length === 0 || seasons.some((season) => season === undefined)) return undefined;
  const season = Math.max(...(seasons as number[]));
  const lastJuryAt = lastJury.get(season);
  if (lastJuryAt === undefined || referral === 'OPEN') return undefined;
  const latest = applications.filter((_, index) => seasons[index] === season);
  if (latest.some((application) => application.outcome === 'ADMITTED')) return undefined;
  const enrolled = referral === 'ACCEPTED' || latest.some((application) => application.outcome === 'ENROLLED');
  const category: RetentionCategoryName = enrolled ? 'enrolled' : 'not-admitted';
  const due = monthsAfter(lastJuryAt, enrolled ? policy.enrolledMonths : policy.notAdmittedMonths);
  return due.getTime() <= now.getTime()
    ? { personId, category, season, lastJuryAt, dueAt: due.toISOString() }
    : undefined;
}
