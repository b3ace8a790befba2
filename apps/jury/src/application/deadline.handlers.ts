import { DeadlineScheduler } from '@admissions/deadlines';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SYSTEM_ACTOR } from './jury-streams';
import { type ExpireOfferDue, ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { type LapseReferralDue, ReferralWriter } from './referral.writer';

/**
 * The deadlines' commands, run through the CommandRunner with the deadline id as causation (a
 * job that runs twice changes nothing the second time). The deciders ignore a deadline that no
 * longer applies: an offer enrolled or declined, a referral answered.
 */
@Injectable()
export class DeadlineHandlers implements OnModuleInit {
  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly programmes: ProgrammeAdmissionsWriter,
    private readonly referrals: ReferralWriter,
  ) {}

  onModuleInit(): void {
    // JURY-4/JURY-5: the window ended: the offer expires and its seat goes to the waiting list.
    this.scheduler.onDue<ExpireOfferDue>('ExpireOffer', async ({ data }, deadline) => {
      await this.programmes.run(
        SYSTEM_ACTOR,
        data.programmeCode,
        { type: 'ExpireOffer', data: { offerId: data.offerId } },
        deadline.id,
      );
    });
    // REC-7: no answer within 15 days: the proposals lapse (their seats are released after).
    this.scheduler.onDue<LapseReferralDue>('LapseReferral', async ({ data }, deadline) => {
      await this.referrals.run(SYSTEM_ACTOR, data.candidateId, { type: 'LapseReferral', data: {} }, deadline.id);
    });
  }
}
