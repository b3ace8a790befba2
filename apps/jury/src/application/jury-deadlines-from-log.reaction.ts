import { LogReactions } from '@admissions/event-store';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

/**
 * JURY-4 and REC-7 deadlines derived from the jury's own log: every OfferMade has its expiry and
 * every ProposalsMade its lapse scheduled (once; the writers already asked right after the
 * commit), and the checkpoint moves only after. A crash between a commit and its deadline thus
 * leaves the deadline to this reaction: no offer stays without its expiry.
 */
@Injectable()
export class JuryDeadlinesFromLog implements OnModuleInit {
  constructor(
    private readonly reactions: LogReactions,
    private readonly programmes: ProgrammeAdmissionsWriter,
    private readonly referrals: ReferralWriter,
  ) {}

  onModuleInit(): void {
    this.reactions.add({
      name: 'jury-deadlines',
      types: ['OfferMade', 'ProposalsMade'],
      handle: async (events) => {
        await this.programmes.scheduleExpiries(events);
        await this.referrals.scheduleLapse(events);
      },
    });
  }
}
