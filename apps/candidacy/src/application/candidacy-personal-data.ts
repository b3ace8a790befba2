import {
  ACCESS_JOURNAL_COLLECTION,
  AccessJournal,
  PersonalDataSource,
  type SubjectHoldings,
} from '@admissions/platform';
import { findByIds, ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { candidateFiles, candidateSpace, programmeCatalogue } from '../projections';
import { candidacyStreamId } from './candidacy-writer';

/**
 * What candidacy holds about a person: as a candidate, their files (the candidate space, its
 * documents' descriptions), the files' streams and who on the staff read them (access journal);
 * as a pedagogical lead, the programmes naming them.
 */
@Injectable()
export class CandidacyPersonalData extends PersonalDataSource {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly journal: AccessJournal,
  ) {
    super();
  }

  async holdingsOf(subjectId: string): Promise<SubjectHoldings> {
    const files = await this.projections.collection(candidateFiles).findOne({ _id: subjectId });
    const candidacyIds = (files?.files ?? []).map((file) => file.candidacyId);
    const spaces = await findByIds(this.projections.collection(candidateSpace), candidacyIds);
    const reads = (await Promise.all(candidacyIds.map((id) => this.journal.readsOf(id)))).flat();
    // The catalogue holds a handful of programmes: reading it whole is the cheap path.
    const programmes = await this.projections.collection(programmeCatalogue).find({}).toArray();
    return {
      readModels: [
        { readModel: candidateFiles.name, documents: files === null ? [] : [files] },
        { readModel: candidateSpace.name, documents: spaces },
        { readModel: ACCESS_JOURNAL_COLLECTION, documents: reads },
        {
          readModel: programmeCatalogue.name,
          documents: programmes.filter((programme) => programme.pedagogicalLeadId === subjectId),
        },
      ],
      streams: candidacyIds.map((id) => ({ streamId: candidacyStreamId(id) })),
    };
  }
}
