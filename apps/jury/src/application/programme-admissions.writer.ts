import { foldEvents, type Actor, type Clock } from '@admissions/domain-kernel';
import { DeadlineScheduler } from '@admissions/deadlines';
import { CommandRunner, EventStore, type StoredEvent } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  type OfferMade,
  type ProgrammeAdmissionsCommand,
  type ProgrammeAdmissionsState,
  programmeAdmissionsDecider,
} from '../domain';
import { KeyedLock } from './keyed-lock';
import { offerExpiryDeadlineId, programmeStreamId } from './jury-streams';

export type ProgrammeIntent = Omit<ProgrammeAdmissionsCommand, 'metadata'>;

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
 * (JURY-4: at the end of the window the offer expires and the seat is released).
 */
@Injectable()
export class ProgrammeAdmissionsWriter {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    private readonly scheduler: DeadlineScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, programmeCode: string, intent: ProgrammeIntent, causationId?: string): Promise<WriteResult> {
    const streamId = programmeStreamId(programmeCode);
    const { events, state } = await this.lock.run(streamId, () => {
      const command = { ...intent, metadata: { now: this.clock.now(), actor } } as ProgrammeAdmissionsCommand;
      return this.runner.run(programmeAdmissionsDecider, streamId, command, {
        correlationId: currentCorrelationId() ?? randomUUID(),
        causationId,
      });
    });
    await this.scheduleExpiries(events);
    return { events, state };
  }

  async load(programmeCode: string): Promise<ProgrammeAdmissionsState> {
    const stream = await this.store.readStream(programmeStreamId(programmeCode));
    return foldEvents(programmeAdmissionsDecider, stream.events as never);
  }

  private async scheduleExpiries(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'OfferMade') continue;
      const { programmeCode, offerId, expiresAt } = (event as unknown as OfferMade).data;
      const due: ExpireOfferDue = { programmeCode, offerId };
      // One millisecond after the last moment of the window (23:59:59.999 Paris of the 10th day).
      await this.scheduler.schedule(offerExpiryDeadlineId(offerId), new Date(Date.parse(expiresAt) + 1), {
        type: 'ExpireOffer',
        data: due,
      });
    }
  }
}
