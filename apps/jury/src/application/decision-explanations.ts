import { INPUT, NotFoundError, type Actor } from '@admissions/domain-kernel';
import { EventStore } from '@admissions/event-store';
import type { Role } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { admissionFileCuts } from '../projections/admission-file-cuts.projection';
import { decisionLocations } from '../projections/decision-locations.projection';
import { explainDecision, type DecisionExplanation } from './decision-explanation';
import { statementsOf, type ExplanationLanguage, type ExplanationStatements } from './explanation-wording';
import { admissionFileStreamId, programmeStreamId } from './jury-streams';

/** Staff who read the explanation of any decision; a candidate reads those of their own. */
export const DECISION_STAFF: readonly Role[] = ['jury-member', 'admissions-officer', 'admin'];

export interface ExplanationView extends DecisionExplanation {
  readonly language: ExplanationLanguage;
  readonly statements: ExplanationStatements;
}

/**
 * "Why this decision": two read models (by _id) say where the decision sits in the jury's store,
 * and the explanation is replayed from the programme's stream and the candidacy's file up to there.
 */
@Injectable()
export class DecisionExplanations {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly store: EventStore,
  ) {}

  async explain(actor: Actor, decisionId: string, language: ExplanationLanguage): Promise<ExplanationView> {
    const location = await this.projections.collection(decisionLocations).findOne({ _id: decisionId });
    const staff = actor.roles.some((role) => (DECISION_STAFF as readonly string[]).includes(role));
    // Someone else's decision is not found: a candidate does not learn that it exists.
    if (location === null || !(staff || location.candidateId === actor.id)) {
      throw new NotFoundError('decision not found', INPUT, 'decisionId');
    }
    const { candidacyId, programmeCode, decisionEventId } = location;
    const [cut, programme, file] = await Promise.all([
      this.projections.collection(admissionFileCuts).findOne({ _id: candidacyId }),
      this.store.readStream(programmeStreamId(programmeCode)),
      this.store.readStream(admissionFileStreamId(candidacyId)),
    ]);
    // The cut is folded before the location (module order); one not there yet: the decision is not known yet.
    const fileVersion = cut?.fileVersionAtDecision;
    const explanation =
      fileVersion === null || fileVersion === undefined
        ? undefined
        : explainDecision({ decisionEventId, programme: programme.events, file: file.events, fileVersion });
    if (explanation === undefined) throw new NotFoundError('decision not found', INPUT, 'decisionId');
    return { ...explanation, language, statements: statementsOf(explanation, language) };
  }
}
