import { type Actor, type Clock, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { CLOCK, currentCorrelationId } from '@admissions/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { isNotificationId, notificationDecider } from '../domain';
import { SEND_JOBS, type SendJobs } from './ports';

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
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ itemId, actor }: MarkInboxItemRead): Promise<void> {
    if (!isNotificationId(itemId)) throw new NotFoundError('no such item in your inbox', INPUT);
    await this.runner.run(
      notificationDecider,
      itemId,
      { type: 'MarkNotificationRead', data: {}, metadata: { now: this.clock.now(), actor } },
      { correlationId: currentCorrelationId() ?? randomUUID() },
    );
  }
}

@CommandHandler(RetryFailedNotification)
export class RetryFailedNotificationHandler implements ICommandHandler<RetryFailedNotification, void> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SEND_JOBS) private readonly jobs: SendJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ notificationId, actor }: RetryFailedNotification): Promise<void> {
    if (!isNotificationId(notificationId)) throw new NotFoundError('no such notification', INPUT);
    const { state } = await this.runner.run(
      notificationDecider,
      notificationId,
      { type: 'RetryNotification', data: {}, metadata: { now: this.clock.now(), actor } },
      { correlationId: currentCorrelationId() ?? randomUUID() },
    );
    if (state.status === 'PENDING') await this.jobs.enqueue(notificationId, state.round);
  }
}
