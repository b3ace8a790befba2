import { type Actor, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { CommandGateway } from '@admissions/platform';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isNotificationId, notificationDecider } from '../domain';
import { Notifier } from './notifier';

/** The recipient marks an inbox item read; anyone else is told it does not exist. */
export class MarkInboxItemRead {
  constructor(
    readonly itemId: string,
    readonly actor: Actor,
  ) {}
}

/** Staff send a failed notification again: a new round of attempts. */
export class RetryFailedNotification {
  constructor(
    readonly notificationId: string,
    readonly actor: Actor,
  ) {}
}

@CommandHandler(MarkInboxItemRead)
export class MarkInboxItemReadHandler implements ICommandHandler<MarkInboxItemRead, void> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ itemId, actor }: MarkInboxItemRead): Promise<void> {
    if (!isNotificationId(itemId)) throw new NotFoundError('no such item in your inbox', INPUT);
    await this.gateway.handle(notificationDecider, itemId, { type: 'MarkNotificationRead', data: {} }, { actor });
  }
}

@CommandHandler(RetryFailedNotification)
export class RetryFailedNotificationHandler implements ICommandHandler<RetryFailedNotification, void> {
  constructor(private readonly notifier: Notifier) {}

  async execute({ notificationId, actor }: RetryFailedNotification): Promise<void> {
    if (!isNotificationId(notificationId)) throw new NotFoundError('no such notification', INPUT);
    await this.notifier.retry(notificationId, { actor });
  }
}
