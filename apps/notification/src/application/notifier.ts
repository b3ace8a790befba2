import type { Clock } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { CLOCK } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, notificationDecider, notificationIdOf, type OwedMessage } from '../domain';
import { SEND_JOBS, type SendJobs } from './ports';
import { RecipientDirectory } from './recipient-directory';
import type { Causation } from './system-actor';
import { SYSTEM_ACTOR } from './system-actor';

export interface SourceEvent {
  readonly eventId: string;
  readonly type: string;
}

/** Records a message owed to a person (once per source event and kind) and queues its sending. */
@Injectable()
export class Notifier {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: RecipientDirectory,
    @Inject(SEND_JOBS) private readonly jobs: SendJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(owed: OwedMessage, source: SourceEvent, causation: Causation): Promise<string> {
    const recipientId = await this.directory.personOf(owed.recipient);
    const language = (await this.directory.recipient(recipientId))?.language ?? DEFAULT_LANGUAGE;
    const notificationId = notificationIdOf(source.eventId, owed.content.kind);
    const { state } = await this.runner.run(
      notificationDecider,
      notificationId,
      {
        type: 'RequestNotification',
        data: {
          notificationId,
          recipientId,
          language,
          content: owed.content,
          sourceEventId: source.eventId,
          sourceType: source.type,
        },
        metadata: { now: this.clock.now(), actor: SYSTEM_ACTOR },
      },
      causation,
    );
    // Also on a redelivered event: if the first delivery crashed before queueing, this queues it.
    if (state.status === 'PENDING') await this.jobs.enqueue(notificationId, state.round);
    return notificationId;
  }
}
