import { Refusal } from '@admissions/domain-kernel';
import { LogReactions, type StoredEvent } from '@admissions/event-store';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReferralSeatHeld } from '../domain';
import { SYSTEM_ACTOR } from './jury-streams';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

/**
 * REC-5: a seat held for a proposal ends with its proposal recorded, or free again. From the
 * jury's log, each held seat's proposal is recorded (nothing to do when the request that held it
 * recorded it, as it does unless it crashed in between); refused, the seat is given back. Both
 * commands are caused by the seat's event, so a round handled again changes nothing.
 */
@Injectable()
export class ReferralSeatSettlement implements OnModuleInit {
  constructor(
    private readonly reactions: LogReactions,
    private readonly referrals: ReferralWriter,
    private readonly programmes: ProgrammeAdmissionsWriter,
  ) {}

  onModuleInit(): void {
    this.reactions.add({
      name: 'referral-seat-settlement',
      types: ['ReferralSeatHeld'],
      handle: async (events) => {
        for (const event of events) await this.settle(event as StoredEvent<ReferralSeatHeld>);
      },
    });
  }

  private async settle({ data, metadata }: StoredEvent<ReferralSeatHeld>): Promise<void> {
    const { programmeCode, referralId, proposalId, candidateId } = data;
    if (proposalId === undefined || candidateId === undefined) return; // held before seats named their proposal
    const causationId = metadata.eventId;
    try {
      const intent = { type: 'RecordProposal', data: { proposalId, programmeCode } } as const;
      await this.referrals.run(SYSTEM_ACTOR, candidateId, intent, causationId);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      await this.programmes.run(
        SYSTEM_ACTOR,
        programmeCode,
        { type: 'ReleaseReferralSeat', data: { referralId } },
        causationId,
      );
    }
  }
}
