import type { Db, DuePerson, RetentionCategory } from '@admissions/platform';
import { RetentionSelector } from '@admissions/platform';
import { notAdmissibleDue } from '../domain';
import { reviewViews, type ReviewView } from '../projections/review-view.projection';

/**
 * Review's retention policy: the people whose files of their latest season were all declared
 * not admissible, whom the jury never saw. A daily batch: the files not admissible (an equality
 * on the indexed status), then each person's files (on the indexed candidateId).
 */
export class ReviewRetention extends RetentionSelector {
  readonly categories: readonly RetentionCategory[];

  constructor(
    private readonly db: Db,
    private readonly months: number,
  ) {
    super();
    this.categories = [
      {
        name: 'not-admissible',
        rule: `${months} months after the season's juries are over, 1 August (RETENTION_NOT_ADMITTED_MONTHS)`,
      },
    ];
  }

  async due(now: Date): Promise<readonly DuePerson[]> {
    const reviews = this.db.collection<ReviewView>(reviewViews.name);
    const refused = await reviews.find({ status: 'NOT_ADMISSIBLE' }, { projection: { candidateId: 1 } }).toArray();
    const due: DuePerson[] = [];
    for (const personId of new Set(refused.map((review) => review.candidateId))) {
      const files = await reviews.find({ candidateId: personId }).toArray();
      const standings = files.map(({ status, openedAt }) => ({
        declaredNotAdmissible: status === 'NOT_ADMISSIBLE',
        openedAt,
      }));
      const person = notAdmissibleDue(personId, standings, this.months, now);
      if (person !== undefined) due.push(person);
    }
    return due;
  }
}
