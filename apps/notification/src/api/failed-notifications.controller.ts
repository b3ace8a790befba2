import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RetryFailedNotification } from '../application/inbox.commands';
import { FAILED_DOCUMENT, type FailedNotification, failedNotifications } from '../projections';
import { FailedNotificationsDto } from './inbox.dto';

function toFailed({ id, recipientId, kind, round, attempts, error, failedAt }: FailedNotification): FailedNotification {
  return { id, recipientId, kind, round, attempts, error, failedAt };
}

/** Staff watch the notifications whose sending failed, and send one again. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
@Roles('admissions-officer', 'admin')
export class FailedNotificationsController {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly commands: CommandBus,
  ) {}

  @Get('failed')
  @ApiOperation({
    summary: 'Notifications whose every attempt failed and that were not retried since',
    description:
      'One failed because no email address was known for the person leaves the list by itself when their contact is recorded: it is sent then.',
  })
  @ApiOkResponse({ type: FailedNotificationsDto })
  async failed(): Promise<FailedNotificationsDto> {
    const document = await this.projections.collection(failedNotifications).findOne({ _id: FAILED_DOCUMENT });
    return { items: (document?.items ?? []).map(toFailed) };
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sends a failed notification again (a new round of attempts)' })
  @ApiAcceptedResponse({ description: 'Queued for sending' })
  @ApiNotFoundResponse({ description: 'No such notification' })
  @ApiUnprocessableEntityResponse({ description: 'Already sent' })
  async retry(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new RetryFailedNotification(id, actor));
  }
}
