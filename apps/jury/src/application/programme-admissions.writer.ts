import { foldEvents, type Actor } from '@admissions/domain-kernel';
import { DeadlineScheduler, type DeadlineRequest } from '@admissions/deadlines';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { CommandGateway, type Intent } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import {
  type OfferExpired,
  type OfferMade,
  type ProgrammeAdmissionsCommand,
  type ProgrammeAdmissionsState,
  programmeAdmissionsDecider,
} from '../domain';
import { offerExpiryDeadlineId, programmeStreamId } from './jury-streams';

export type ProgrammeIntent = Intent<ProgrammeAdmissionsCommand>;

export interface WriteResult {
  readonly events: StoredEvent[];
  readonly state: ProgrammeAdmissionsState;
}

/** The ExpireOffer deadline's command data. */
export interface ExpireOfferDue {
  readonly programmeCode: string;
  readonly offerId: string;
}

/**
 * The write path of a programme's admissions: the command with the clock's now and the actor,
 * through the CommandRunner on `programme-<code>`, then an expiry deadline for every offer made
 * (JURY-4: at the end of the window the offer expires and the seat is released), scheduled at
 * once and again from the log by JuryDeadlinesFromLog, so that a crash in between loses none.
 */
@Injectable()
export class ProgrammeAdmissionsWriter {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
    private readonly scheduler: DeadlineScheduler,
  ) {
    gateway.onCommitted(programmeAdmissionsDecider, (events) => this.scheduleExpiries(events));
    gateway.onCommitted(programmeAdmissionsDecider, (events) => this.cancelSweptExpiries(events));
  }

  async run(actor: Actor, programmeCode: string, intent: ProgrammeIntent, causationId?: string): Promise<WriteResult> {
    const streamId = programmeStreamId(programmeCode);
    const { events, state } = await this.gateway.handle(programmeAdmissionsDecider, streamId, intent, {
      actor,
      causationId,
    });
    return { events, state };
  }

  async load(programmeCode: string): Promise<ProgrammeAdmissionsState> {
    const stream = await this.store.readStream(programmeStreamId(programmeCode));
    return foldEvents(programmeAdmissionsDecider, stream.events as never);
  }

  /** Once per offer, however often it is asked (after the commit, then from the log). */
  async scheduleExpiries(events: readonly StoredEvent[]): Promise<void> {
    // One batch per commit: a session's offers are scheduled in a few round trips, not one by one.
    const expiries = events.flatMap((event): DeadlineRequest[] => {
      if (event.type !== 'OfferMade') return [];
      const { programmeCode, offerId, expiresAt } = event.data as OfferMade['data'];
      const due: ExpireOfferDue = { programmeCode, offerId };
      // One millisecond after the last moment of the window (23:59:59.999 Paris of the 10th day).
      const dueAt = new Date(Date.parse(expiresAt) + 1);
      return [{ deadlineId: offerExpiryDeadlineId(offerId), dueAt, command: { type: 'ExpireOffer', data: due } }];
    });
    await this.scheduler.scheduleManyOnce(expiries);
  }

  /**
   * The expiry deadlines of the offers a command's sweep expired, but for the deadline that ran
   * that command: their jobs would each queue on the programme's stream to find nothing to do.
   * When a day's offers end at one instant, the first job of a programme expires all of them.
   */
  private async cancelSweptExpiries(events: readonly StoredEvent[]): Promise<void> {
    const swept = events.flatMap((event) => {
      if (event.type !== 'OfferExpired') return [];
      const deadlineId = offerExpiryDeadlineId((event.data as OfferExpired['data']).offerId);
      return deadlineId === event.metadata.causationId ? [] : [deadlineId];
    });
    if (swept.length > 0) await this.scheduler.cancelMany(swept);
  }
}
