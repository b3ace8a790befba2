import type { StoredEvent } from '@admissions/event-store';
import { PersonalDataSource, type SubjectHoldings } from '@admissions/platform';
import { findByIds, ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { admissionFileCuts } from '../projections/admission-file-cuts.projection';
import { candidateApplications } from '../projections/candidate-applications.projection';
import { admissionFileStreamId, programmeStreamId, referralStreamId } from './jury-streams';

const concerns = (candidateId: string) => (event: StoredEvent) =>
  (event.data as { candidateId?: unknown }).candidateId === candidateId;

/**
 * What the jury holds about a candidate: their applications and outcomes, each file as the jury
 * took it in, their referral; from a programme's stream (every candidate's decisions and offers)
 * only the events naming them.
 */
@Injectable()
export class JuryPersonalData extends PersonalDataSource {
  constructor(private readonly projections: ProjectionRunner) {
    super();
  }

  async holdingsOf(subjectId: string): Promise<SubjectHoldings> {
    const mine = await this.projections.collection(candidateApplications).findOne({ _id: subjectId });
    const applications = mine?.applications ?? [];
    const candidacyIds = applications.map((application) => application.candidacyId);
    const programmeCodes = [...new Set(applications.map((application) => application.programmeCode))];
    const cuts = await findByIds(this.projections.collection(admissionFileCuts), candidacyIds);
    return {
      readModels: [
        { readModel: candidateApplications.name, documents: mine === null ? [] : [mine] },
        { readModel: admissionFileCuts.name, documents: cuts },
      ],
      streams: [
        ...candidacyIds.map((id) => ({ streamId: admissionFileStreamId(id) })),
        ...programmeCodes.map((code) => ({ streamId: programmeStreamId(code), keep: concerns(subjectId) })),
        { streamId: referralStreamId(subjectId) },
      ],
    };
  }
}
