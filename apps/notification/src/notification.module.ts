import { DeadlinesModule } from '@admissions/deadlines';
import {
  DeadLettersModule,
  ErasurePropagationModule,
  EventSourcingModule,
  PersonalDataController,
  personalDataSource,
  PlatformModule,
} from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FailedNotificationsController } from './api/failed-notifications.controller';
import { InboxController } from './api/inbox.controller';
import { ContactArrival } from './application/contact-arrival.reaction';
import { MarkInboxItemReadHandler, RetryFailedNotificationHandler } from './application/inbox.commands';
import { NotificationDelivery } from './application/notification-delivery';
import { NotificationIntake } from './application/notification-intake';
import { Notifier } from './application/notifier';
import { NotificationPersonalData } from './application/notification-personal-data';
import { OfferReminders } from './application/offer-reminders';
import { MAIL_SENDER, SEND_JOBS } from './application/ports';
import { RecipientDirectory } from './application/recipient-directory';
import { NotificationEnv } from './config';
import { BullSendQueue } from './infrastructure/bull-send-queue';
import { SmtpMailSender } from './infrastructure/smtp-mail-sender';
import { eventSourcing } from './event-sourcing';

export const SERVICE = eventSourcing.service;

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: NotificationEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService(eventSourcing),
    DeadLettersModule,
    ErasurePropagationModule,
    DeadlinesModule.forService({ queueName: `deadlines-${SERVICE}` }),
  ],
  controllers: [InboxController, FailedNotificationsController, PersonalDataController],
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
    ContactArrival,
    personalDataSource(NotificationPersonalData),
  ],
})
export class NotificationModule {}
