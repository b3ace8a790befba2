import {
  ACCESS_JOURNAL_COLLECTION,
  AccessJournal,
  PersonalDataSource,
  type SubjectHoldings,
} from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { intakeStreamId, reviewStreamId } from '../domain';
import { reviewViews, type ReviewView } from '../projections/review-view.projection';

/**
 * A lead's part in the files they review: which file, and the opinion they wrote; the candidate's
 * own data in those files is the candidate's, not the lead's, and stays out.
 */
const leadPart = ({ candidacyId, programmeCode, status, opinion, corrections }: ReviewView) => ({
  candidacyId,
  programmeCode,
  status,
  opinion,
  corrections,
});

/**
 * What review holds about a person: as a candidate, the reviews of their files, the files' intake
 * and review streams and who on the staff read them; as a pedagogical lead, the files assigned to them.
 */
@Injectable()
export class ReviewPersonalData extends PersonalDataSource {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly journal: AccessJournal,
  ) {
    super();
  }

  async holdingsOf(subjectId: string): Promise<SubjectHoldings> {
    const reviews = this.projections.collection(reviewViews);
    // Equalities on indexed fields: they cost what they return.
    const own = await reviews.find({ candidateId: subjectId }).toArray();
    const assigned = await reviews.find({ leadId: subjectId }).toArray();
    const candidacyIds = own.map((review) => review.candidacyId);
    const reads = (await Promise.all(candidacyIds.map((id) => this.journal.readsOf(id)))).flat();
    return {
      readModels: [
        { readModel: reviewViews.name, documents: [...own, ...assigned.map(leadPart)] },
        { readModel: ACCESS_JOURNAL_COLLECTION, documents: reads },
      ],
      streams: candidacyIds.flatMap((id) => [{ streamId: intakeStreamId(id) }, { streamId: reviewStreamId(id) }]),
    };
  }
}
