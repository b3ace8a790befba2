import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../domain';

export class InboxItemDto {
  @ApiProperty({ example: 'notification-01JQ3Z8T3V6W9X2Y4Z5A6B7C8D-JURY_DECISION' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ example: 'Décision du jury : admis(e) (MS-DATA)' })
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty()
  read!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt!: string | null;
}

export class InboxDto {
  @ApiProperty({ type: [InboxItemDto], description: 'Newest first' })
  items!: InboxItemDto[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  unread!: number;
}

export class FailedNotificationDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: "The person's id (candidate or student)" })
  recipientId!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ type: 'integer', minimum: 0, description: '0 for the first sending, +1 per retry' })
  round!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:1025' })
  error!: string;

  @ApiProperty({ format: 'date-time' })
  failedAt!: string;
}

export class FailedNotificationsDto {
  @ApiProperty({ type: [FailedNotificationDto], description: 'Oldest failure first' })
  items!: FailedNotificationDto[];
}
