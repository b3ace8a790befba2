import { DeadlinesModule } from '@admissions/deadlines';
import { EventSourcingModule, PlatformModule } from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FailedNotificationsController } from './api/failed-notifications.controller';
import { InboxController } from './api/inbox.controller';
import { MarkInboxItemReadHandler, RetryFailedNotificationHandler } from './application/inbox.commands';
import { NotificationDelivery } from './application/notification-delivery';
import { NotificationIntake } from './application/notification-intake';
import { Notifier } from './application/notifier';
import { OfferReminders } from './application/offer-reminders';
import { MAIL_SENDER, SEND_JOBS } from './application/ports';
import { RecipientDirectory } from './application/recipient-directory';
import { NotificationEnv } from './config';
import { BullSendQueue } from './infrastructure/bull-send-queue';
import { serviceContracts } from './infrastructure/consumed-contracts';
import { SmtpMailSender } from './infrastructure/smtp-mail-sender';
import { projections } from './projections';

export const SERVICE = 'notification';

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: NotificationEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService({ service: SERVICE, contracts: serviceContracts(), projections: [...projections] }),
    DeadlinesModule.forService({ queueName: `deadlines-${SERVICE}` }),
  ],
  controllers: [InboxController, FailedNotificationsController],
  providers: [
    { provide: MAIL_SENDER, useClass: SmtpMailSender },
    BullSendQueue,
    { provide: SEND_JOBS, useExisting: BullSendQueue },
    RecipientDirectory,
    NotificationDelivery,
    Notifier,
    OfferReminders,
    NotificationIntake,
    MarkInboxItemReadHandler,
    RetryFailedNotificationHandler,
  ],
})
export class NotificationModule {}
