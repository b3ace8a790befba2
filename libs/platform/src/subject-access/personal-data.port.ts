import type { StoredEvent } from '@admissions/event-store';

/** The documents of one read model that are about the subject. */
export interface ReadModelHoldings {
  /** The read model (collection) name, e.g. `rm_candidate_space`. */
  readonly readModel: string;
  readonly documents: readonly object[];
}

/**
 * A stream whose events are about the subject. A stream of their own is exported whole; a stream
 * shared with other people (a programme's admissions) names `keep`, which picks the subject's events.
 */
export interface StreamHoldings {
  readonly streamId: string;
  readonly keep?: (event: StoredEvent) => boolean;
}

export interface SubjectHoldings {
  readonly readModels: readonly ReadModelHoldings[];
  readonly streams: readonly StreamHoldings[];
}

/**
 * What a service holds about one person (GDPR art. 15): each service implements it with its own
 * lookups by the person's id (the token's subject), equalities on `_id` or on an indexed field.
 * `GET /v1/me/data` (PersonalDataController) reads the streams it names and answers the whole.
 */
export abstract class PersonalDataSource {
  abstract holdingsOf(subjectId: string): Promise<SubjectHoldings>;
}
