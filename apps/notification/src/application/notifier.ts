import { CommandGateway, type CommandOrigin } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, notificationDecider, notificationIdOf, type OwedMessage } from '../domain';
import { SEND_JOBS, type SendJobs } from './ports';
import { RecipientDirectory } from './recipient-directory';

export interface SourceEvent {
  readonly eventId: string;
  readonly type: string;
}

/**
 * Records a message owed to a person (once per source event and kind) and queues its sending;
 * sends a failed one again, in a new round.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly directory: RecipientDirectory,
    @Inject(SEND_JOBS) private readonly jobs: SendJobs,
  ) {}

  async request(owed: OwedMessage, source: SourceEvent, origin: CommandOrigin): Promise<string> {
    const recipientId = await this.directory.personOf(owed.recipient);
    const language = (await this.directory.languageOf(recipientId)) ?? DEFAULT_LANGUAGE;
    const notificationId = notificationIdOf(source.eventId, owed.content.kind);
    const { state } = await this.gateway.handle(
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
      },
      origin,
      // Its id is the source event's: new unless the event is redelivered (then the append fails and it is read).
      { expectNew: true },
    );
    // Also on a redelivered event: if the first delivery crashed before queueing, this queues it.
    if (state.status === 'PENDING') await this.jobs.enqueue(notificationId, state.round);
    return notificationId;
  }

  /** Staff's retry, or the service's once the address a notification waited for is known. */
  async retry(notificationId: string, origin: CommandOrigin): Promise<void> {
    const intent = { type: 'RetryNotification', data: {} } as const;
    const { state } = await this.gateway.handle(notificationDecider, notificationId, intent, origin);
    if (state.status === 'PENDING') await this.jobs.enqueue(notificationId, state.round);
  }
}
