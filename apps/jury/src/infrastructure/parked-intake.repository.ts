import { type Db, MONGO_DB, StartupSteps } from '@admissions/platform';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { AddToAgenda } from '../domain';

/** An admissible candidate whose programme the jury does not know yet. */
export interface ParkedIntake {
  readonly candidacyId: string;
  readonly programmeCode: string;
  /** The CandidateDeclaredAdmissible event: the causation of the AddToAgenda run later. */
  readonly eventId: string;
  readonly correlationId: string;
  readonly candidate: AddToAgenda['data'];
  readonly parkedAt: Date;
}

interface ParkedIntakeDocument extends Omit<ParkedIntake, 'candidacyId'> {
  _id: string;
}

/**
 * Admissible candidates received before their programme (the review and candidacy topics are
 * consumed by different groups, so their order is not guaranteed). The programme catalogue takes
 * them out once it has defined the programme, by an equality on the indexed programme code.
 */
@Injectable()
export class ParkedIntakeRepository implements OnApplicationBootstrap {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('parked-intake index', async () => {
      await this.collection().createIndex({ programmeCode: 1 }, { name: 'programmeCode' });
    });
  }

  async park(intake: ParkedIntake): Promise<void> {
    const { candidacyId, ...rest } = intake;
    await this.collection().replaceOne({ _id: candidacyId }, rest, { upsert: true });
  }

  async ofProgramme(programmeCode: string): Promise<ParkedIntake[]> {
    const documents = await this.collection().find({ programmeCode }).toArray();
    return documents.map(({ _id, ...rest }) => ({ candidacyId: _id, ...rest }));
  }

  async remove(candidacyId: string): Promise<void> {
    await this.collection().deleteOne({ _id: candidacyId });
  }

  private collection(): mongo.Collection<ParkedIntakeDocument> {
    return this.db.collection<ParkedIntakeDocument>('jury_parked_intakes');
  }
}
