import { PersonalDataSource, type SubjectHoldings } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { inbox } from '../projections/inbox.projection';
import { recipientStream } from './recipient-directory';

/**
 * What notification holds about a person: their inbox, how to reach them (address, first name,
 * language) and each message sent to them, its sending and delivery (one stream per notification).
 */
@Injectable()
export class NotificationPersonalData extends PersonalDataSource {
  constructor(private readonly projections: ProjectionRunner) {
    super();
  }

  async holdingsOf(subjectId: string): Promise<SubjectHoldings> {
    const mine = await this.projections.collection(inbox).findOne({ _id: subjectId });
    const notificationIds = (mine?.items ?? []).map((item) => item.id);
    return {
      readModels: [{ readModel: inbox.name, documents: mine === null ? [] : [mine] }],
      streams: [{ streamId: recipientStream(subjectId) }, ...notificationIds.map((streamId) => ({ streamId }))],
    };
  }
}
