import type { ReceivedEvent } from '@admissions/messaging';
import { EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ProgrammeLeadFacts } from './candidacy-events';
import { ReviewAssignment } from './review-assignment';

/**
 * REV-1: the review service's own record of each programme's pedagogical lead, from the
 * candidacy service's programme events; a change of lead reassigns the programme's open reviews.
 */
@Injectable()
export class ProgrammeLeads implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly assignment: ReviewAssignment,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'review.programme-leads',
      topics: [eventTopicOf('candidacy')],
      types: ['ProgrammeCreated', 'ProgrammeChanged'],
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const { code, pedagogicalLeadId, createdAt, changedAt } = event.data as ProgrammeLeadFacts;
    const effectiveAt = changedAt ?? createdAt ?? event.metadata.occurredAt;
    await this.assignment.recordLead(code, pedagogicalLeadId, effectiveAt, event.metadata.eventId);
  }
}
