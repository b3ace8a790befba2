import { type Clock } from '@admissions/domain-kernel';
import { EventStore, stateFrom } from '@admissions/event-store';
import { CLOCK, CommandGateway } from '@admissions/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { emailText, notificationDecider, type NotificationState } from '../domain';
import { NotificationEnv } from '../config';
import { MAIL_SENDER, type MailSender } from './ports';
import { RecipientDirectory } from './recipient-directory';

export interface DeliveryAttempt {
  readonly notificationId: string;
  readonly round: number;
  /** 1 for the first attempt of the round. */
  readonly attempt: number;
  readonly lastAttempt: boolean;
}

export type DeliveryOutcome = 'sent' | 'settled' | 'failed';

export const NO_ADDRESS = 'no email address is known for this person';

/** `<notification-…@domain of MAIL_FROM>`: the same message always has the same Message-ID. */
export function messageIdOf(notificationId: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${notificationId}@${domain}>`;
}

/**
 * One attempt of a send job. Exactly once for the person: the notification's state is read
 * first (already sent: nothing to do), and NotificationSent is appended right after the SMTP
 * server accepted the message.
 *
 * The one window left is between the server's acceptance and that append: if the process dies
 * (or MongoDB refuses the append) there, the job runs again and the message is sent a second
 * time. SMTP offers no transaction to close it; the Message-ID is deterministic (the
 * notification id), so a mail system that deduplicates on it drops the copy.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
    private readonly directory: RecipientDirectory,
    private readonly env: NotificationEnv,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async attempt({ notificationId, round, attempt, lastAttempt }: DeliveryAttempt): Promise<DeliveryOutcome> {
    const state = await this.load(notificationId);
    if (state.status !== 'PENDING' || state.round !== round) return 'settled';

    const recipient =
      (await this.directory.recipient(state.recipientId)) ??
      (await this.directory.awaitContact(state.recipientId, notificationId));
    if (!recipient) {
      // Retrying cannot help until an address is known. Marked as waiting first, so that the
      // contact's arrival sends it (ContactArrival); failed meanwhile, so that staff see it.
      await this.fail(notificationId, round, attempt, NO_ADDRESS);
      return 'failed';
    }

    const messageId = messageIdOf(notificationId, this.env.MAIL_FROM);
    try {
      await this.mail.send({
        to: recipient.email,
        subject: state.title,
        text: emailText(state, state.language, recipient.firstName),
        language: state.language,
        messageId,
        date: this.clock.now(),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`sending ${notificationId} (round ${round}, attempt ${attempt}) failed: ${reason}`);
      if (lastAttempt) await this.fail(notificationId, round, attempt, reason);
      throw error;
    }
    // Accepted by the SMTP server: from here to the append is the only place a duplicate can arise.
    await this.gateway.handle(
      notificationDecider,
      notificationId,
      { type: 'RecordDelivery', data: { round, attempts: attempt, messageId } },
      this.gateway.system,
    );
    return 'sent';
  }

  private async fail(notificationId: string, round: number, attempts: number, error: string): Promise<void> {
    await this.gateway.handle(
      notificationDecider,
      notificationId,
      { type: 'RecordFailure', data: { round, attempts, error } },
      this.gateway.system,
    );
  }

  private async load(notificationId: string): Promise<NotificationState> {
    const { events } = await this.store.readStream(notificationId);
    return stateFrom(notificationDecider, events);
  }
}
