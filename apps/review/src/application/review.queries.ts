import { type Actor, INPUT, NotFoundError, toParisIso } from '@admissions/domain-kernel';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { ADMIN_ROLE } from '../domain';
import { type ReviewStatus, type ReviewView, reviewViews } from '../projections/review-view.projection';

export type ReviewResponse = Omit<ReviewView, '_id' | '_position' | 'interview'> & {
  readonly interview: ReviewView['interview'] & { readonly startsAtParis: string | null };
};

/** A read-model document as the API shows it: no storage fields, times also in Paris. */
export function toResponse(view: ReviewView): ReviewResponse {
  const { _id: _ignoredId, _position: _ignoredPosition, interview, ...rest } = view;
  return {
    ...rest,
    interview: { ...interview, startsAtParis: interview.startsAt === null ? null : toParisIso(interview.startsAt) },
  };
}

const isAdmin = (actor: Actor) => actor.roles.includes(ADMIN_ROLE);

/** Reads of the review read model, by _id or indexed fields; the lead sees only their files (REV-1). */
@Injectable()
export class ReviewQueries {
  constructor(private readonly projections: ProjectionRunner) {}

  /** The files assigned to a lead, in submission order (CAND-3): per programme, by rank. */
  async worklist(actor: Actor, filter: { status?: ReviewStatus; leadId?: string }): Promise<ReviewResponse[]> {
    const leadId = filter.leadId ?? actor.id;
    if (leadId !== actor.id && !isAdmin(actor)) throw new NotFoundError('worklist not found', INPUT);
    const query = filter.status === undefined ? { leadId } : { leadId, status: filter.status };
    const views = await this.projections.collection(reviewViews).find(query).toArray();
    return views
      .sort(
        (a, b) =>
          a.programmeCode.localeCompare(b.programmeCode) ||
          a.submissionRank - b.submissionRank ||
          a.candidacyId.localeCompare(b.candidacyId),
      )
      .map(toResponse);
  }

  /** One review, for its lead or an admin; anyone else is told it does not exist. */
  async review(actor: Actor, candidacyId: string): Promise<ReviewResponse> {
    const view = await this.projections.collection(reviewViews).findOne({ _id: candidacyId });
    if (view === null || (view.leadId !== actor.id && !isAdmin(actor)))
      throw new NotFoundError('review not found', INPUT);
    return toResponse(view);
  }
}
