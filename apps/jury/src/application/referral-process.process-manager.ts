import type { ReceivedEvent } from '@admissions/messaging';
import { EventSubscriptions, eventTopicOf } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ProposalDeclined, ReferralFiled, ReferralLapsed } from '../domain';
import { SYSTEM_ACTOR } from './jury-streams';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

/**
 * Follows the jury's own referral events: a referral filed before its acknowledgement came in the
 * same commit is acknowledged (REC-4; the notification service emails it; for one filed now this
 * changes nothing), and the seat of a declined or lapsed proposal
 * goes back to its programme (REC-7, then JURY-5 offers it to the waiting list). Each command
 * carries the event id as causation, so a redelivered event changes nothing.
 */
@Injectable()
export class ReferralProcess implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly referrals: ReferralWriter,
    private readonly programmes: ProgrammeAdmissionsWriter,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: 'jury.referral-process',
      topics: [eventTopicOf('jury')],
      types: ['ReferralFiled', 'ProposalDeclined', 'ReferralLapsed'],
      handler: (event) => this.on(event),
    });
  }

  async on(event: ReceivedEvent): Promise<void> {
    const causationId = event.metadata.eventId;
    switch (event.type) {
      case 'ReferralFiled': {
        const { candidateId } = event.data as ReferralFiled['data'];
        await this.referrals.run(SYSTEM_ACTOR, candidateId, { type: 'AcknowledgeReferral', data: {} }, causationId);
        return;
      }
      case 'ProposalDeclined': {
        const { programmeCode, referralId } = event.data as ProposalDeclined['data'];
        await this.release(programmeCode, referralId, causationId);
        return;
      }
      case 'ReferralLapsed': {
        const { releasedProposals, referralId } = event.data as ReferralLapsed['data'];
        for (const { programmeCode } of releasedProposals) await this.release(programmeCode, referralId, causationId);
        return;
      }
      default:
        return;
    }
  }

  private async release(programmeCode: string, referralId: string, causationId: string): Promise<void> {
    await this.programmes.run(
      SYSTEM_ACTOR,
      programmeCode,
      { type: 'ReleaseReferralSeat', data: { referralId } },
      causationId,
    );
  }
}
