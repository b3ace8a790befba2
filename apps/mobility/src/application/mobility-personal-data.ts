import { PersonalDataSource, type SubjectHoldings } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { studentMobility } from '../projections/student-mobility.projection';
import { planStreamId, studentContactStreamId } from './streams';

/** What mobility holds about a student: their mobility status, their plans' streams and their contact. */
@Injectable()
export class MobilityPersonalData extends PersonalDataSource {
  constructor(private readonly projections: ProjectionRunner) {
    super();
  }

  async holdingsOf(subjectId: string): Promise<SubjectHoldings> {
    const mine = await this.projections.collection(studentMobility).findOne({ _id: subjectId });
    const planIds = (mine?.plans ?? []).map((plan) => plan.planId);
    return {
      readModels: [{ readModel: studentMobility.name, documents: mine === null ? [] : [mine] }],
      streams: [
        ...planIds.map((id) => ({ streamId: planStreamId(id) })),
        { streamId: studentContactStreamId(subjectId) },
      ],
    };
  }
}
